package fr.education.imagin.exemples.cfg;

import org.pf4j.Plugin;

/** The CFG example plugin: everything is in its extensions. */
public final class CfgPlugin extends Plugin {
}
