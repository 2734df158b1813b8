package fr.education.imagin.demo;

/**
 * An establishment that must exist, as an exam centre, in the académie being generated — e.g. a
 * lycée that is an exam centre in two académies. Inserted as given (the database checks the UAI
 * format and the category).
 */
public record SharedCentre(String uai, String nom, String categorie, String commune) {}
