package fr.education.imagin.core.plugins;

import java.time.Instant;

/**
 * Something that went wrong with a plugin, kept for the national admin's plugin screen (and
 * logged). {@code plugin} is the plugin id, or the jar's file name when no id could be read.
 */
public record PluginProblem(String plugin, Phase phase, String message, Instant at) {

    /** When it happened. */
    public enum Phase {
        /** Refused before loading: unreadable MANIFEST, incompatible API version, duplicate id. */
        REFUS,
        /** Failed while loading or checking its extensions. */
        CHARGEMENT,
        /** Its {@code Plugin.start()} failed. */
        DEMARRAGE,
        /** One of its extensions threw while the platform called it. */
        EXECUTION
    }

    static PluginProblem now(String plugin, Phase phase, String message) {
        return new PluginProblem(plugin, phase, message, Instant.now());
    }
}
