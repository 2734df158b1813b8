package fr.education.imagin.plugins.ecece;

import org.pf4j.Plugin;

/** The EC/ECE plugin: everything it brings is in its extensions; nothing to start or stop. */
public final class EcEcePlugin extends Plugin {
}
