package fr.education.imagin.plugin.api;

import java.util.Objects;

/**
 * Something a generator noticed in the import. A blocking one refuses the whole import (nothing
 * is written); a warning is reported with the result.
 *
 * @param blocking whether the import is refused
 * @param message  French message for the academy office, ideally naming the line
 */
public record Anomaly(boolean blocking, String message) {

    public Anomaly {
        Objects.requireNonNull(message, "message");
    }

    public static Anomaly error(String message) {
        return new Anomaly(true, message);
    }

    public static Anomaly warning(String message) {
        return new Anomaly(false, message);
    }
}
