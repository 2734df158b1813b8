package fr.education.imagin.plugin.api;

import org.pf4j.ExtensionPoint;

import java.util.List;

/**
 * Turns a registration import into missions. Every enabled plugin's generator sees every row and
 * keeps those of its exam type; the platform writes the missions of all generators in one
 * transaction (re-importing updates them rather than duplicating them).
 */
public interface MissionGenerator extends ExtensionPoint {

    /**
     * @param inscriptions every row of the import, already validated, in file order
     * @return the missions to create, using only mission types of this plugin
     */
    Generation generate(List<Inscription> inscriptions);
}
