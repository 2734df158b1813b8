package fr.education.imagin.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigSourceTest {

    @Test
    void defaultsMakeAnEmbeddedOneMemberPlatform() {
        PlatformConfig config = PlatformConfig.from(ConfigSource.load(null, Map.of(), Map.of()));
        assertThat(config.database().embedded()).isTrue();
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.cluster().members()).containsExactly("127.0.0.1:5701");
        assertThat(config.sessionTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void environmentOverridesTheFileAndExplicitOverridesWin(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("imagin.yml");
        Files.writeString(file, """
                http:
                  port: 9000
                cluster:
                  members: [ "10.0.0.1:5701", "10.0.0.2:5701" ]
                db:
                  url: jdbc:postgresql://db:5432/imagin
                  pool-size: 12
                """);
        PlatformConfig config = PlatformConfig.from(ConfigSource.load(file,
                Map.of("IMAGIN_HTTP_PORT", "9100", "IMAGIN_DB_POOL_SIZE", "20"),
                Map.of(Setting.HTTP_PORT, "9200")));
        assertThat(config.http().port()).isEqualTo(9200);
        assertThat(config.cluster().members()).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/imagin");
        assertThat(config.database().embedded()).isFalse();
        assertThat(config.database().poolSize()).isEqualTo(20);
    }

    @Test
    void aNonNumericPortNamesTheSettingAndItsVariable() {
        assertThatThrownBy(() -> PlatformConfig.from(ConfigSource.load(null, Map.of("IMAGIN_HTTP_PORT", "huit"), Map.of())))
                .hasMessageContaining("http.port").hasMessageContaining("IMAGIN_HTTP_PORT").hasMessageContaining("huit");
    }

    @Test
    void envNamesFollowTheKeys() {
        assertThat(Setting.DB_POOL_SIZE.envName()).isEqualTo("IMAGIN_DB_POOL_SIZE");
        assertThat(Setting.CLUSTER_MEMBERS.envName()).isEqualTo("IMAGIN_CLUSTER_MEMBERS");
    }
}
