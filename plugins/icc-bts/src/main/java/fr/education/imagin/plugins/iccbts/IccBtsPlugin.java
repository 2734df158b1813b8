package fr.education.imagin.plugins.iccbts;

import org.pf4j.Plugin;

/** The BTS ICC plugin: its scheme is its only extension. */
public final class IccBtsPlugin extends Plugin {
}
