package fr.education.imagin.imports;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reports how much of a file has been read as a share of {@code [from, to]} percent: the reading
 * and checking of the rows is the first part of an import's progress bar.
 */
final class ProgressInputStream extends FilterInputStream {

    private final long size;
    private final int from;
    private final int to;
    private final String step;
    private final Importer.Progress progress;
    private long read;

    ProgressInputStream(InputStream in, long size, int from, int to, String step, Importer.Progress progress) {
        super(in);
        this.size = Math.max(1, size);
        this.from = from;
        this.to = to;
        this.step = step;
        this.progress = progress;
        progress.at(from, step);
    }

    /** The file as UTF-8 text whose reading moves the bar from 0 to {@code to} percent, step "Lecture et contrôle des lignes". */
    static Reader open(Path file, int to, Importer.Progress progress) throws IOException {
        return new InputStreamReader(new ProgressInputStream(new BufferedInputStream(Files.newInputStream(file)), Files.size(file),
                0, to, "Lecture et contrôle des lignes", progress), StandardCharsets.UTF_8);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(long n) {
        read += n;
        progress.at(from + (int) ((to - from) * Math.min(read, size) / size), step);
    }
}
