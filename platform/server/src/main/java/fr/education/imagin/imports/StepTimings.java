package fr.education.imagin.imports;

/** Milliseconds spent in each step of an import, for the log: where a large file's time goes. */
final class StepTimings {

    private final StringBuilder steps = new StringBuilder();
    private long last;

    StepTimings(long start) {
        last = start;
    }

    void step(String name) {
        long now = System.nanoTime();
        steps.append(steps.isEmpty() ? "" : " ").append(name).append('=').append((now - last) / 1_000_000).append("ms");
        last = now;
    }

    @Override
    public String toString() {
        return steps.toString();
    }
}
