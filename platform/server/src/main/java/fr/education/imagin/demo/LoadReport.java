package fr.education.imagin.demo;

import java.time.Duration;

/** Outcome of a demo data load: rows inserted over all tables and the wall-clock time it took. */
public record LoadReport(long rows, Duration elapsed) {

    public double rowsPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? rows : rows * 1_000_000_000d / nanos;
    }
}
