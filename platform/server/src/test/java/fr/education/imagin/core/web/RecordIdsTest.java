package fr.education.imagin.core.web;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class RecordIdsTest {

    @Test
    void digitsAreAnIdAndAnythingElseIsNone() {
        assertThat(RecordIds.parse("42")).hasValue(42);
        assertThat(RecordIds.parse(" 42 ")).hasValue(42);
        assertThat(RecordIds.parse("-1")).isEqualTo(OptionalLong.empty());
        assertThat(RecordIds.parse("4e2")).isEqualTo(OptionalLong.empty());
        assertThat(RecordIds.parse("")).isEqualTo(OptionalLong.empty());
        assertThat(RecordIds.parse(null)).isEqualTo(OptionalLong.empty());
        // Longer than a long can hold: not found, never a server error.
        assertThat(RecordIds.parse("99999999999999999999")).isEqualTo(OptionalLong.empty());
    }
}
