package fr.education.imagin.core.plugins;

import java.util.List;

/**
 * One plugin jar as the national admin sees it on this member.
 *
 * @param plugin   plugin id, or the jar's file name when the MANIFEST could not be read
 * @param version  Plugin-Version, empty when unknown
 * @param jar      file name in the plugins directory
 * @param state    whether it serves the académies that enabled it
 * @param problems what went wrong, oldest first (load-time problems and recent run-time failures)
 */
public record PluginStatus(String plugin, String version, String jar, State state, List<PluginProblem> problems) {

    public enum State {
        /** Loaded and started: serves the académies that enabled it. */
        ACTIF,
        /** Refused before loading (MANIFEST or API version). */
        REFUSE,
        /** Failed to load or to start: serves nobody. */
        EN_ECHEC
    }
}
