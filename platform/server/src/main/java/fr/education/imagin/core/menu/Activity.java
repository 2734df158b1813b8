package fr.education.imagin.core.menu;

import java.util.Arrays;
import java.util.Optional;

/**
 * The activities of the establishment service (guide §3, §4), in menu order. {@code code} is the
 * key of the tenant table {@code activite} (opened or closed by the academy office) and the
 * first path segment after the académie: {@code /toulouse/personnels/...}.
 */
public enum Activity {
    PERSONNELS("personnels", "Consultation des personnels", ActivityGroup.ETABLISSEMENT),
    INDISPONIBILITES("indisponibilites", "Saisie d'indisponibilité", ActivityGroup.ETABLISSEMENT),
    COMPETENCES("competences", "Saisie des compétences", ActivityGroup.ETABLISSEMENT),
    VALIDATION_COMPETENCES("validation-competences", "Validation saisie compétence", ActivityGroup.ETABLISSEMENT),
    AVANCEMENT_ETABLISSEMENT("avancement-etablissement", "Avancement de l'affectation", ActivityGroup.ETABLISSEMENT),
    MISSIONS("missions", "Consultation des missions", ActivityGroup.CENTRE_EXAMEN),
    CONVOCATIONS("convocations", "Convocation par mission", ActivityGroup.CENTRE_EXAMEN),
    SERVICE_FAIT("service-fait", "Constat service fait", ActivityGroup.CENTRE_EXAMEN),
    AVANCEMENT_CENTRE("avancement-centre", "Avancement de l'affectation", ActivityGroup.CENTRE_EXAMEN),
    SIGNATURE_CENTRE("signature-centre", "Signature centre pour la convocation", ActivityGroup.CENTRE_EXAMEN),
    SIGNATURE_ETABLISSEMENT("signature-etablissement", "Signature établissement pour la convocation", ActivityGroup.CENTRE_EXAMEN),
    INDEMNITES("indemnites", "Indemnités des chefs de centre", ActivityGroup.CENTRE_EXAMEN),
    AUTRES_ACADEMIES("autres-academies", "Accès autres académies", ActivityGroup.CENTRE_EXAMEN);

    private final String code;
    private final String libelle;
    private final ActivityGroup group;

    Activity(String code, String libelle, ActivityGroup group) {
        this.code = code;
        this.libelle = libelle;
        this.group = group;
    }

    public String code() {
        return code;
    }

    public String libelle() {
        return libelle;
    }

    public ActivityGroup group() {
        return group;
    }

    /** {@code /toulouse/personnels/}. */
    public String path(String tenantCode) {
        return "/" + tenantCode + "/" + code + "/";
    }

    public static Optional<Activity> byCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
