package fr.education.imagin.plugin.api;

import org.pf4j.ExtensionPoint;

import java.util.List;

/** The mission types a plugin contributes, e.g. COEC, INEC, PRECE and SSCAN for EC/ECE. */
public interface MissionTypes extends ExtensionPoint {

    /** Read once when the plugin loads; codes must be unique among the académie's plugins. */
    List<MissionType> missionTypes();
}
