package fr.education.imagin.core.web;

import java.util.OptionalLong;

/**
 * Record ids typed in URLs and forms ({@code /personnels/42}): digits only, or nothing, which
 * the screens answer with their "not found" page rather than a server error.
 */
public final class RecordIds {

    private RecordIds() {
    }

    public static OptionalLong parse(String text) {
        String value = text == null ? null : text.strip();
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value));
    }
}
