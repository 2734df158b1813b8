package fr.education.imagin.core.tenant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads the tenant files of {@code tenants/}: one YAML file per académie. */
public final class TenantFiles {

    /** The file format; {@code demo: true} asks for generated demo data in the embedded default. */
    public record TenantFile(String code, String nom, String contact, String accueil, Boolean demo,
                             String departement, List<String> communes) {
        public Tenant toTenant() {
            return new Tenant(code, nom, contact, accueil, true);
        }

        public boolean isDemo() {
            return Boolean.TRUE.equals(demo);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private TenantFiles() {
    }

    public static List<TenantFile> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Tenant folder not found: " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .map(TenantFiles::readOne)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TenantFile readOne(Path file) {
        try {
            TenantFile tenantFile = YAML.readValue(file.toFile(), TenantFile.class);
            String expected = file.getFileName().toString().replaceFirst("\\.yml$", "");
            if (!expected.equals(tenantFile.code())) {
                throw new IllegalArgumentException(file + ": code '" + tenantFile.code() + "' must match the file name");
            }
            tenantFile.toTenant(); // validates
            return tenantFile;
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable tenant file " + file + ": " + e.getMessage(), e);
        }
    }
}
