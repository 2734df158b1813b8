package fr.education.imagin.demo;

/** An establishment being generated: filled field by field, in the order of the random draws. */
final class Etablissement {
    String uai;
    String nom;
    String categorie;
    String commune;
    /** Index in {@link Communes}; -1 for a shared centre of another académie's commune. */
    int communeIdx;
    String adresse;
    String cp;
    String tel;
    /** Teaching levels as {@link Catalog#C} / {@link Catalog#L} / {@link Catalog#P} bits (0: the rectorat). */
    int levels;
    boolean centre;
    boolean numerisation;
    /** Relative share of the académie's staff working there (0: nobody, like the rectorat). */
    double staffWeight;
    boolean sharedCentre;
}
