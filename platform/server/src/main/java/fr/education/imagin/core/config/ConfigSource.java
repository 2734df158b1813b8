package fr.education.imagin.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** Reads the raw values of every {@link Setting}: YAML file, then environment, then overrides. */
public final class ConfigSource {

    private final Map<Setting, String> values = new EnumMap<>(Setting.class);

    private ConfigSource() {
    }

    public static ConfigSource load(Path yamlFile, Map<String, String> env, Map<Setting, String> overrides) {
        ConfigSource source = new ConfigSource();
        JsonNode yaml = yamlFile != null ? readYaml(yamlFile) : null;
        for (Setting setting : Setting.values()) {
            String value = setting.defaultValue();
            JsonNode node = yaml == null ? null : yaml.at("/" + setting.key().replace('.', '/'));
            if (node != null && !node.isMissingNode() && !node.isNull()) {
                value = node.isArray() ? joinArray(node) : node.asText();
            }
            value = env.getOrDefault(setting.envName(), value);
            value = System.getProperty("imagin." + setting.key(), value);
            value = overrides.getOrDefault(setting, value);
            source.values.put(setting, value.trim());
        }
        return source;
    }

    private static JsonNode readYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Configuration file not found: " + file.toAbsolutePath());
        }
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable configuration file " + file, e);
        }
    }

    private static String joinArray(JsonNode node) {
        StringBuilder joined = new StringBuilder();
        node.forEach(item -> joined.append(joined.length() == 0 ? "" : ",").append(item.asText()));
        return joined.toString();
    }

    public String get(Setting setting) {
        return values.get(setting);
    }

    public int getInt(Setting setting) {
        String raw = get(setting);
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.key() + " (" + setting.envName() + ") must be a number, got '" + raw + "'");
        }
    }

    public boolean getBoolean(Setting setting) {
        return Boolean.parseBoolean(get(setting));
    }
}
