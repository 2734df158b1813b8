package fr.education.imagin.core.tenant;

import fr.education.imagin.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantFilesTest {

    @Test
    void theProjectShipsThreeValidDemoAcademies() {
        var files = TenantFiles.read(TestPlatform.projectRoot().resolve("tenants"));
        assertThat(files).extracting(TenantFiles.TenantFile::code).containsExactly("rennes", "siec", "toulouse");
        assertThat(files).allSatisfy(f -> {
            assertThat(f.isDemo()).isTrue();
            assertThat(f.departement()).matches("[0-9]{3}");
            assertThat(f.communes()).isNotEmpty();
        });
        assertThat(files.get(0).toTenant().schemaName()).isEqualTo("t_rennes");
    }

    @Test
    void aCodeThatDiffersFromTheFileNameIsRejected(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("nantes.yml"), "code: rennes\nnom: X\ncontact: a@b.fr\n");
        assertThatThrownBy(() -> TenantFiles.read(dir)).hasMessageContaining("must match the file name");
    }

    @Test
    void reservedAndMalformedCodesAreRejected() {
        assertThatThrownBy(() -> new Tenant("health", "X", "a@b.fr", "", true)).hasMessageContaining("Invalid tenant code");
        assertThatThrownBy(() -> new Tenant("Rennes; drop", "X", "a@b.fr", "", true)).hasMessageContaining("Invalid tenant code");
    }
}
