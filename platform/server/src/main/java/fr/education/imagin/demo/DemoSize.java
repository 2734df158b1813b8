package fr.education.imagin.demo;

/**
 * How much demo data to generate for one académie.
 *
 * @param etablissements establishments generated (the rectorat included; shared centres come on top)
 * @param personnels     intervenants (teachers) generated
 * @param missions       missions generated over the five sessions (current year - 3 .. current year + 1)
 * @param affectations   affectations (designations of a person on a mission) generated
 */
public record DemoSize(int etablissements, int personnels, int missions, int affectations) {

    public DemoSize {
        if (etablissements < 1 || personnels < 0 || missions < 0 || affectations < 0) {
            throw new IllegalArgumentException("invalid demo size " + etablissements + "/" + personnels + "/"
                    + missions + "/" + affectations);
        }
    }

    /** A small académie for demonstrations: 40 establishments, 600 staff, 300 missions, 3,000 affectations. */
    public static DemoSize demo() {
        return new DemoSize(40, 600, 300, 3_000);
    }

    /**
     * A large académie scaled from the factor 1.0 reference (3,000 establishments, 80,000 staff,
     * 60,000 missions, 600,000 affectations — the size of a big académie such as Versailles).
     */
    public static DemoSize scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be positive: " + factor);
        }
        return new DemoSize(
                (int) Math.max(2, Math.round(3_000 * factor)),
                (int) Math.max(1, Math.round(80_000 * factor)),
                (int) Math.max(1, Math.round(60_000 * factor)),
                (int) Math.max(1, Math.round(600_000 * factor)));
    }
}
