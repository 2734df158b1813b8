package fr.education.imagin.plugin.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A mission type an exam contributes and the rules the platform applies to its missions. Build
 * one with {@link #builder(String, String)}; every rule has the default of an ordinary mission.
 */
public final class MissionType {

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,15}$");

    private final String code;
    private final String libelle;
    private final Remuneration remuneration;
    private final Qualites qualites;
    private final boolean openForConvocationByDefault;
    private final DateRule dateRule;
    private final boolean offersToSaveDatesOnMission;
    private final List<ConvocationCheck> convocationChecks;
    private final boolean serviceFaitByCentre;
    private final boolean remunerated;
    private final boolean transmittedToSantorin;
    private final Signataire signataire;

    private MissionType(Builder b) {
        this.code = b.code;
        this.libelle = b.libelle;
        this.remuneration = b.remuneration;
        this.qualites = b.qualites;
        this.openForConvocationByDefault = b.openForConvocationByDefault;
        this.dateRule = b.dateRule;
        this.offersToSaveDatesOnMission = b.offersToSaveDatesOnMission;
        this.convocationChecks = List.copyOf(b.convocationChecks);
        this.serviceFaitByCentre = b.serviceFaitByCentre;
        this.remunerated = b.remunerated;
        this.transmittedToSantorin = b.transmittedToSantorin;
        this.signataire = b.signataire;
    }

    /**
     * @param code    upper-case code, 2–16 letters, digits or '_' (e.g. {@code COEC})
     * @param libelle the French label users see (e.g. "Correction de copies épreuve EC")
     */
    public static Builder builder(String code, String libelle) {
        return new Builder(code, libelle);
    }

    public String code() {
        return code;
    }

    public String libelle() {
        return libelle;
    }

    /** What the constat de service fait asks (SPEC CSF-3). */
    public Remuneration remuneration() {
        return remuneration;
    }

    public Qualites qualites() {
        return qualites;
    }

    /** Whether imported missions are open to convocation by the establishment (SPEC CONV-1). */
    public boolean openForConvocationByDefault() {
        return openForConvocationByDefault;
    }

    public DateRule dateRule() {
        return dateRule;
    }

    /** Whether changed dates may be saved on the mission for the next convocations (SPEC CONV-8). */
    public boolean offersToSaveDatesOnMission() {
        return offersToSaveDatesOnMission;
    }

    public List<ConvocationCheck> convocationChecks() {
        return convocationChecks;
    }

    /** Whether the exam centre records the service fait of these missions (SPEC CSF-1). */
    public boolean serviceFaitByCentre() {
        return serviceFaitByCentre;
    }

    /** Whether new missions of this type "ouvrent droit à rémunération" (SPEC CSF-3). */
    public boolean remunerated() {
        return remunerated;
    }

    /** Whether the list of convened intervenants goes to SANTORIN (SPEC CONV-11). */
    public boolean transmittedToSantorin() {
        return transmittedToSantorin;
    }

    /** The signature block of the convocations (SPEC CONV-14). */
    public Signataire signataire() {
        return signataire;
    }

    @Override
    public String toString() {
        return code + " (" + libelle + ")";
    }

    /** Collects the rules; defaults are those of an ordinary mission. */
    public static final class Builder {
        private final String code;
        private final String libelle;
        private Remuneration remuneration = Remuneration.ECRIT;
        private Qualites qualites = Qualites.officeList();
        private boolean openForConvocationByDefault;
        private DateRule dateRule = DateRule.MISSION_DATES;
        private boolean offersToSaveDatesOnMission;
        private final List<ConvocationCheck> convocationChecks = new ArrayList<>();
        private boolean serviceFaitByCentre = true;
        private boolean remunerated = true;
        private boolean transmittedToSantorin;
        private Signataire signataire = Signataire.CHEF_DE_CENTRE;

        private Builder(String code, String libelle) {
            if (code == null || !CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("Mission type code '" + code
                        + "' must be 2 to 16 upper-case letters, digits or '_', starting with a letter");
            }
            if (libelle == null || libelle.isBlank()) {
                throw new IllegalArgumentException("Mission type " + code + " needs a label");
            }
            this.code = code;
            this.libelle = libelle;
        }

        public Builder remuneration(Remuneration remuneration) {
            this.remuneration = Objects.requireNonNull(remuneration, "remuneration");
            return this;
        }

        public Builder qualites(Qualites qualites) {
            this.qualites = Objects.requireNonNull(qualites, "qualites");
            return this;
        }

        public Builder openForConvocationByDefault() {
            this.openForConvocationByDefault = true;
            return this;
        }

        public Builder dateRule(DateRule dateRule) {
            this.dateRule = Objects.requireNonNull(dateRule, "dateRule");
            return this;
        }

        public Builder offersToSaveDatesOnMission() {
            this.offersToSaveDatesOnMission = true;
            return this;
        }

        public Builder convocationCheck(ConvocationCheck check) {
            this.convocationChecks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /** The centre does not record the service fait (e.g. dematerialised correction, SPEC CSF-1). */
        public Builder noServiceFaitByCentre() {
            this.serviceFaitByCentre = false;
            return this;
        }

        public Builder notRemunerated() {
            this.remunerated = false;
            return this;
        }

        public Builder transmittedToSantorin() {
            this.transmittedToSantorin = true;
            return this;
        }

        public Builder signataire(Signataire signataire) {
            this.signataire = Objects.requireNonNull(signataire, "signataire");
            return this;
        }

        public MissionType build() {
            return new MissionType(this);
        }
    }
}
