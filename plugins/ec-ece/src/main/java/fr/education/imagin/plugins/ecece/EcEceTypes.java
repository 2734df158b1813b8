package fr.education.imagin.plugins.ecece;

import fr.education.imagin.plugin.api.DateRule;
import fr.education.imagin.plugin.api.MissionType;
import fr.education.imagin.plugin.api.MissionTypes;
import fr.education.imagin.plugin.api.Qualites;
import fr.education.imagin.plugin.api.Remuneration;
import fr.education.imagin.plugin.api.Signataire;
import org.pf4j.Extension;

import java.util.List;
import java.util.Optional;

/**
 * The EC and ECE mission types with the rules of the memo "la convocation aux missions EC et
 * ECE" and the ECE road map (SPEC EC-1…6, CONV-1/4/6/8/9/11, CSF-1). All are imported open to
 * convocation by the establishment, convened lists go to SANTORIN, and EC convocations carry
 * the chef d'établissement's signature.
 */
@Extension
public final class EcEceTypes implements MissionTypes {

    public static final String INEC_NOT_ASSIGNED =
            "L'affectation n'est pas terminée dans cyclades. La convocation des intervenants n'est pas possible.";

    /** Dematerialised correction of EC written épreuves (and of individual candidates' LV orals). */
    public static final MissionType COEC = MissionType.builder("COEC", "Correction de copies épreuve EC")
            .remuneration(Remuneration.ECRIT)
            // Santorin's roles; with none chosen the intervenant is a plain Santorin corrector.
            .qualites(Qualites.oneOf("Correcteur", "Correcteur suppléant", "Référent correction")
                    .orWhenNoneChosen("Correcteur Santorin"))
            .openForConvocationByDefault()
            .dateRule(DateRule.OFFICE_DATES_ONLY)
            .offersToSaveDatesOnMission()
            .noServiceFaitByCentre()          // services faits come back from SANTORIN (EC-4)
            .transmittedToSantorin()
            .signataire(Signataire.CHEF_D_ETABLISSEMENT)
            .build();

    /** Oral EC épreuve, held at the exam centre once Cyclades has assigned the candidates. */
    public static final MissionType INEC = MissionType.builder("INEC", "Interrogation orale épreuve EC")
            .remuneration(Remuneration.PRATIQUE)   // CSF-3: EC orals are entered as half-day hours
            .qualites(Qualites.officeList())
            .openForConvocationByDefault()
            .convocationCheck(mission -> mission.candidateAssignmentFinished()
                    ? Optional.empty() : Optional.of(INEC_NOT_ASSIGNED))
            .transmittedToSantorin()
            .signataire(Signataire.CHEF_D_ETABLISSEMENT)
            .build();

    /** ECE practical épreuve: examiners convened to the centre where it takes place. */
    public static final MissionType PRECE = MissionType.builder("PRECE", "Evaluation compétences expérimentales")
            .remuneration(Remuneration.PRATIQUE)
            .qualites(Qualites.oneOf("Correcteur", "Correcteur suppléant", "Coordinateur", "Coordinateur adjoint"))
            .openForConvocationByDefault()
            .dateRule(DateRule.OFFICE_DATES_ONLY)
            .transmittedToSantorin()
            .signataire(Signataire.CHEF_D_ETABLISSEMENT)
            .build();

    /** Digitisation of the copies of a digitisation centre, done through SANTORIN. */
    public static final MissionType SSCAN = MissionType.builder("SSCAN", "Numérisation des copies")
            .remuneration(Remuneration.AUCUNE)
            .notRemunerated()
            .qualites(Qualites.none())
            .openForConvocationByDefault()
            .dateRule(DateRule.ENTER_AGAIN)
            .transmittedToSantorin()
            .signataire(Signataire.CHEF_D_ETABLISSEMENT)
            .build();

    /**
     * The coordinators' dematerialised correction of an ECE épreuve, at the académie's SANTORIN
     * centre (road map: "une mission de correction dématérialisée par épreuve de centre
     * Santorin destinée aux coordinateurs"). Its remuneration is the practical one of the ECE.
     */
    public static final MissionType COECE = MissionType.builder("COECE", "Correction dématérialisée épreuve ECE")
            .remuneration(Remuneration.PRATIQUE)
            .qualites(Qualites.oneOf("Coordinateur", "Coordinateur adjoint").orWhenNoneChosen("Coordinateur"))
            .openForConvocationByDefault()
            .dateRule(DateRule.OFFICE_DATES_ONLY)
            .noServiceFaitByCentre()
            .transmittedToSantorin()
            .signataire(Signataire.CHEF_D_ETABLISSEMENT)
            .build();

    @Override
    public List<MissionType> missionTypes() {
        return List.of(COEC, INEC, PRECE, SSCAN, COECE);
    }
}
