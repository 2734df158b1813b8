package fr.education.imagin.plugin.api;

/**
 * The remuneration kind of a mission type; it decides what the constat de service fait asks for
 * each intervenant (SPEC CSF-3).
 */
public enum Remuneration {
    /** Written correction: candidates registered and number of copies (0–999). */
    ECRIT,
    /** Oral or VAE: candidates registered and candidates examined. */
    ORAL,
    /** Practical, sport or EC oral: morning and afternoon hours for each day of presence. */
    PRATIQUE,
    /** Exam help (surveillance): hours. */
    AIDE_EXAMEN,
    /** Deliberation jury. */
    JURY,
    /** Not remunerated: the service fait records only done / not done. */
    AUCUNE
}
