package fr.education.imagin.plugin.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of this API, semantic: a plugin built for {@code MAJOR.MINOR.x} runs on a platform
 * whose API has the same MAJOR and a MINOR at least as high (minor versions only add). A plugin
 * declares the version it was built for in its MANIFEST, attribute {@value #MANIFEST_ATTRIBUTE};
 * the platform reads it before loading any class of the plugin and refuses an incompatible one.
 */
public final class ApiVersion {

    /** Bump MINOR when adding to the API, MAJOR when changing or removing anything. */
    public static final String CURRENT = "1.0.0";

    /** MANIFEST attribute holding the API version a plugin was built for, e.g. {@code 1.0.0}. */
    public static final String MANIFEST_ATTRIBUTE = "Imagin-Plugin-Api";

    private static final Pattern SEMVER = Pattern.compile("^(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})$");

    private ApiVersion() {
    }

    /**
     * Why a plugin built for {@code builtFor} cannot run on this API, or empty when it can.
     * The reason is written for the administrator who reads the plugin's status.
     */
    public static Optional<String> incompatibility(String builtFor) {
        if (builtFor == null || builtFor.isBlank()) {
            return Optional.of("le MANIFEST ne déclare pas " + MANIFEST_ATTRIBUTE
                    + " (version de l'API plugin pour laquelle il a été construit)");
        }
        Matcher plugin = SEMVER.matcher(builtFor.trim());
        if (!plugin.matches()) {
            return Optional.of(MANIFEST_ATTRIBUTE + " « " + builtFor + " » n'est pas une version MAJEURE.MINEURE.CORRECTIF");
        }
        Matcher host = SEMVER.matcher(CURRENT);
        host.matches();
        int pluginMajor = Integer.parseInt(plugin.group(1));
        int pluginMinor = Integer.parseInt(plugin.group(2));
        int hostMajor = Integer.parseInt(host.group(1));
        int hostMinor = Integer.parseInt(host.group(2));
        if (pluginMajor != hostMajor) {
            return Optional.of("construit pour l'API plugin " + builtFor.trim() + ", la plateforme fournit "
                    + CURRENT + " (version majeure différente)");
        }
        if (pluginMinor > hostMinor) {
            return Optional.of("construit pour l'API plugin " + builtFor.trim() + ", plus récente que celle de la plateforme ("
                    + CURRENT + ")");
        }
        return Optional.empty();
    }
}
