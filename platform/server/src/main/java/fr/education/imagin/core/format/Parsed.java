package fr.education.imagin.core.format;

import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of reading what a user typed: a value, nothing (the field was left empty), or a
 * French message saying what is wrong, ready for the console.
 */
public final class Parsed<T> {

    private final T value;
    private final String error;

    private Parsed(T value, String error) {
        this.value = value;
        this.error = error;
    }

    public static <T> Parsed<T> of(T value) {
        return new Parsed<>(value, null);
    }

    public static <T> Parsed<T> empty() {
        return new Parsed<>(null, null);
    }

    public static <T> Parsed<T> error(String message) {
        return new Parsed<>(null, message);
    }

    public boolean isError() {
        return error != null;
    }

    public boolean isEmpty() {
        return value == null && error == null;
    }

    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /** The message for the console, e.g. {@code La date « 32/01/2024 » n'existe pas.} */
    public String error() {
        return error;
    }

    public <R> Parsed<R> map(Function<T, R> mapper) {
        return value == null ? new Parsed<>(null, error) : of(mapper.apply(value));
    }
}
