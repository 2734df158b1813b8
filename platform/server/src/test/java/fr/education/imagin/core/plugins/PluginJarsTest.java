package fr.education.imagin.core.plugins;

import fr.education.imagin.core.plugins.testkit.PluginTestPlatform;
import fr.education.imagin.plugin.api.ApiVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the build puts into plugins/dist: a PF4J MANIFEST declaring the current plugin API, the
 * extension index the annotation processor writes (without it PF4J finds nothing, silently),
 * and neither the API nor PF4J inside (a bundled API would be another class and hide every
 * extension).
 */
class PluginJarsTest {

    @ParameterizedTest
    @CsvSource({
            "ec-ece, fr.education.imagin.plugins.ecece.EcEcePlugin, 'fr.education.imagin.plugins.ecece.EcEceGenerator,fr.education.imagin.plugins.ecece.EcEceTypes'",
            "icc-bac, fr.education.imagin.plugins.iccbac.IccBacPlugin, fr.education.imagin.plugins.iccbac.BaremeBac",
            "icc-bts, fr.education.imagin.plugins.iccbts.IccBtsPlugin, fr.education.imagin.plugins.iccbts.BaremeBts"})
    void eachBuiltPluginIsAWellFormedPf4jPlugin(String id, String pluginClass, String extensions) throws IOException {
        Path jar = PluginTestPlatform.distJar(id);
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes manifest = file.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Plugin-Id")).isEqualTo(id);
            assertThat(manifest.getValue("Plugin-Class")).isEqualTo(pluginClass);
            assertThat(manifest.getValue("Plugin-Version")).isNotBlank();
            assertThat(manifest.getValue(ApiVersion.MANIFEST_ATTRIBUTE)).isEqualTo(ApiVersion.CURRENT);

            JarEntry index = file.getJarEntry("META-INF/extensions.idx");
            assertThat(index).as("extension index of " + id).isNotNull();
            try (InputStream in = file.getInputStream(index)) {
                List<String> indexed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.startsWith("#") && !l.isBlank()).sorted().toList();
                assertThat(indexed).containsExactly(extensions.split(","));
            }
            List<String> entries = Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
            assertThat(entries).noneMatch(e -> e.startsWith("fr/education/imagin/plugin/api/") || e.startsWith("org/pf4j/"));
        }
    }
}
