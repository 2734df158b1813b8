package fr.education.imagin.core.export;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import java.util.List;

/**
 * A CSV file streamed to the browser while its rows are read: rows are written through the one
 * {@link CsvWriter} and sent in chunks, so an export of any size holds one chunk in memory.
 * {@link #row} returns false when the connection cannot take more for now; the caller pauses
 * and resumes from {@link #onDrain}.
 */
public final class CsvDownload {

    private static final int CHUNK = 32 * 1024;
    private static final String TYPE = "text/csv; charset=utf-8";

    private final HttpServerResponse response;
    private final String fileName;
    private final StringBuilder chunk = new StringBuilder(CHUNK + 1024);
    private final CsvWriter writer;

    public CsvDownload(HttpServerResponse response, String fileName, List<String> header) {
        this.response = response;
        this.fileName = fileName;
        this.writer = new CsvWriter(chunk, header);
    }

    public boolean row(List<String> cells) {
        writer.row(cells);
        if (chunk.length() >= CHUNK) {
            if (!response.headWritten()) {
                Downloads.prepare(response, TYPE, fileName).setChunked(true);
            }
            response.write(Buffer.buffer(chunk.toString()));
            chunk.setLength(0);
        }
        return !response.writeQueueFull();
    }

    /**
     * Runs {@code resume} once the connection takes more, or once the browser has gone, so the
     * rows are read to their end and the database connection is given back either way.
     */
    public void onDrain(Runnable resume) {
        response.drainHandler(v -> resume.run());
        response.closeHandler(v -> resume.run());
    }

    /** Sends what is left; a small file goes out in one piece with its length. */
    public Future<Void> end() {
        if (!response.headWritten()) {
            Downloads.prepare(response, TYPE, fileName);
        }
        return response.end(Buffer.buffer(chunk.toString()));
    }
}
