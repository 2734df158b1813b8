package fr.education.imagin.testkit;

import fr.education.imagin.Platform;
import fr.education.imagin.core.config.ConfigSource;
import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.config.Setting;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** A real platform started in-process on a fresh database, free ports and its own cluster name. */
public final class TestPlatform {

    private TestPlatform() {
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("imagin.projectRoot", "../.."));
    }

    /** Settings of a one-member platform on {@code jdbcUrl}; callers may add or replace any. */
    public static Map<Setting, String> settings(String jdbcUrl) {
        int clusterPort = Ports.free();
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.HTTP_HOST, "127.0.0.1");
        settings.put(Setting.HTTP_PORT, String.valueOf(Ports.free()));
        settings.put(Setting.CLUSTER_NAME, "imagin-test-" + clusterPort);
        settings.put(Setting.CLUSTER_PORT, String.valueOf(clusterPort));
        settings.put(Setting.CLUSTER_MEMBERS, "127.0.0.1:" + clusterPort);
        settings.put(Setting.DB_URL, jdbcUrl);
        settings.put(Setting.DB_POOL_SIZE, "4");
        settings.put(Setting.TENANTS_DIR, projectRoot().resolve("tenants").toString());
        settings.put(Setting.PLUGINS_DIR, projectRoot().resolve("plugins/dist").toString());
        settings.put(Setting.DEMO, "true");
        // The affectation tests' sessions are small: their best proposal is found in well under a second.
        settings.put(Setting.AFFECTATION_UNIMPROVED_SECONDS, "2");
        return settings;
    }

    public static Platform start(Map<Setting, String> settings) {
        PlatformConfig config = PlatformConfig.from(ConfigSource.load(null, Map.of(), settings));
        return Platform.start(config, Platform.StartOptions.defaults());
    }

    public static String baseUrl(Platform platform) {
        return "http://127.0.0.1:" + platform.config().http().port();
    }
}
