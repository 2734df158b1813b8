package fr.education.imagin.core.db;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Streams rows into one {@code COPY ... FROM STDIN} (text format) through a bounded buffer.
 * Fields are escaped for the text format: backslash, tab, newline and carriage return; {@code null}
 * is written as {@code \N}. The bulk path of the demo data and of the office's imports.
 */
public final class CopyWriter implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 17;

    private final CopyIn copyIn;
    private final StringBuilder buf = new StringBuilder(FLUSH_AT + 4096);
    private boolean rowStart = true;
    private long rows;

    private CopyWriter(CopyIn copyIn) {
        this.copyIn = copyIn;
    }

    public static CopyWriter open(CopyManager copyManager, String table, String columns) throws SQLException {
        return new CopyWriter(copyManager.copyIn("COPY " + table + " (" + columns + ") FROM STDIN"));
    }

    private void sep() {
        if (rowStart) {
            rowStart = false;
        } else {
            buf.append('\t');
        }
    }

    public CopyWriter text(String value) {
        sep();
        if (value == null) {
            buf.append("\\N");
            return this;
        }
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buf.append("\\\\");
                case '\t' -> buf.append("\\t");
                case '\n' -> buf.append("\\n");
                case '\r' -> buf.append("\\r");
                default -> buf.append(c);
            }
        }
        return this;
    }

    /** A value known to contain no character needing escape (numbers, codes, dates). */
    public CopyWriter raw(String value) {
        sep();
        buf.append(value == null ? "\\N" : value);
        return this;
    }

    public CopyWriter num(long value) {
        sep();
        buf.append(value);
        return this;
    }

    /** A nullable id: negative means null. */
    public CopyWriter ref(long value) {
        sep();
        if (value < 0) {
            buf.append("\\N");
        } else {
            buf.append(value);
        }
        return this;
    }

    public CopyWriter bool(boolean value) {
        sep();
        buf.append(value ? 't' : 'f');
        return this;
    }

    /** Starts a field and returns the buffer to append an already-safe value to (no escaping). */
    public StringBuilder begin() {
        sep();
        return buf;
    }

    public void endRow() throws SQLException {
        buf.append('\n');
        rowStart = true;
        rows++;
        if (buf.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (buf.length() == 0) {
            return;
        }
        byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
        buf.setLength(0);
        copyIn.writeToCopy(bytes, 0, bytes.length);
    }

    /** Sends the remaining rows and ends the COPY; returns the rows the server reports. */
    public long finish() throws SQLException {
        flush();
        long done = copyIn.endCopy();
        return done >= 0 ? done : rows;
    }

    @Override
    public void close() {
        if (copyIn.isActive()) {
            try {
                copyIn.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction is rolled back by the caller anyway
            }
        }
    }
}
