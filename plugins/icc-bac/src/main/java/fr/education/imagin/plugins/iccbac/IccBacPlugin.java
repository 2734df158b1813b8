package fr.education.imagin.plugins.iccbac;

import org.pf4j.Plugin;

/** The baccalauréat ICC plugin: its scheme is its only extension. */
public final class IccBacPlugin extends Plugin {
}
