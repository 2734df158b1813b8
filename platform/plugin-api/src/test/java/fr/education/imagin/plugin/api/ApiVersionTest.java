package fr.education.imagin.plugin.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Semantic versioning of the plugin API: same major, and no newer minor than the platform's. */
class ApiVersionTest {

    @Test
    void theCurrentVersionAndEveryPatchOfItAreAccepted() {
        assertThat(ApiVersion.incompatibility(ApiVersion.CURRENT)).isEmpty();
        assertThat(ApiVersion.incompatibility("1.0.9")).isEmpty();
        assertThat(ApiVersion.incompatibility(" 1.0.0 ")).isEmpty();
    }

    @Test
    void anotherMajorIsRefusedNamingBothVersions() {
        assertThat(ApiVersion.incompatibility("2.0.0")).hasValueSatisfying(reason ->
                assertThat(reason).contains("2.0.0", ApiVersion.CURRENT, "majeure"));
        assertThat(ApiVersion.incompatibility("0.9.0")).isPresent();
    }

    @Test
    void aNewerMinorIsRefused() {
        assertThat(ApiVersion.incompatibility("1.1.0")).hasValueSatisfying(reason ->
                assertThat(reason).contains("1.1.0", "plus récente"));
    }

    @Test
    void aMissingOrMalformedDeclarationIsRefused() {
        assertThat(ApiVersion.incompatibility(null)).hasValueSatisfying(r -> assertThat(r).contains(ApiVersion.MANIFEST_ATTRIBUTE));
        assertThat(ApiVersion.incompatibility("")).isPresent();
        assertThat(ApiVersion.incompatibility("1.0")).hasValueSatisfying(r -> assertThat(r).contains("« 1.0 »"));
        assertThat(ApiVersion.incompatibility("v1.0.0")).isPresent();
    }
}
