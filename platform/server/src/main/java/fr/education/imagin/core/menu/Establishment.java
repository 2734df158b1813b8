package fr.education.imagin.core.menu;

/** The establishment the signed-in user acts for, as the banner and the menu need it. */
public record Establishment(String uai, String nom, String commune, boolean centreExamen) {
}
