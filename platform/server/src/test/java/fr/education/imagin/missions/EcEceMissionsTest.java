package fr.education.imagin.missions;

import fr.education.imagin.convocations.MissionConvocation;
import fr.education.imagin.convocations.SaisieConvocation;
import fr.education.imagin.core.plugins.testkit.PluginTestPlatform;
import fr.education.imagin.plugin.api.MissionType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EC/ECE plugin, loaded from its built jar, through the platform: the missions a Cyclades
 * registration import generates (memo §2, road map, SPEC EC-2/3, CONV-10) and the rules of their
 * types (CONV-1/4/6/8/9/11, CSF-1, EC-5).
 */
class EcEceMissionsTest {

    private static final String LYCEE_A = "0310038Y";
    private static final String LYCEE_B = "0310044E";
    private static final String LYCEE_C = "0311111K";
    private static final String RECTORAT = "0319999Z";

    private static final String HEADER = "examen;session;specialite;libelle_specialite;epreuve;libelle_epreuve;nature;cadre;"
            + "type_candidat;candidats;centre_numerisation;centre_epreuve;centre_santorin;date_debut;date_fin;affectation_terminee\n";

    /** Lines 2 to 13; the comments of the expected missions below refer to them. */
    private static final String IMPORT = HEADER + """
            470;2021;BCG;BACCALAUREAT GENERAL;C001A;Histoire-géographie 1ère éval;ECRIT;EC;SCOLAIRE;120;0310038Y;0310038Y;;01/02/2021;05/02/2021;N
            470;2021;BCG;BACCALAUREAT GENERAL;C001A;Histoire-géographie 1ère éval;ECRIT;EC;INDIVIDUEL;5;0310038Y;0310038Y;;01/02/2021;05/02/2021;N
            470;2021;BCG;BACCALAUREAT GENERAL;C001A;Histoire-géographie 1ère éval;ECRIT;EC;SCOLAIRE;80;0310044E;0310044E;;02/02/2021;06/02/2021;N
            470;2021;BCG;BACCALAUREAT GENERAL;C009;Humanités, littérature philo;ECRIT;EC;SCOLAIRE;30;0310038Y;0310038Y;;01/02/2021;03/02/2021;N
            470;2021;BCG;BACCALAUREAT GENERAL;C002CB;Langue viv. A 3ème éval oral Anglais;ORAL;EC;INDIVIDUEL;4;0310038Y;0311111K;;08/03/2021;09/03/2021;N
            470;2021;BCG;BACCALAUREAT GENERAL;C002CB;Langue viv. A 3ème éval oral Anglais;ORAL;EC;SCOLAIRE;90;0310038Y;0311111K;;08/03/2021;10/03/2021;N
            470;2021;BCG;BACCALAUREAT GENERAL;C002CB;Langue viv. A 3ème éval oral Anglais;ORAL;EC;SCOLAIRE;60;0310044E;0311111K;;08/03/2021;10/03/2021;O
            470;2021;BCG;BACCALAUREAT GENERAL;T011B;Physique-chimie pratique;PRATIQUE;ECE;SCOLAIRE;45;0310038Y;0310038Y;0319999Z;22/02/2021;23/02/2021;O
            470;2021;BCG;BACCALAUREAT GENERAL;T011B;Physique-chimie pratique;PRATIQUE;ECE;SCOLAIRE;30;0310044E;0310044E;0319999Z;24/02/2021;24/02/2021;O
            430;2021;STL;SCIEN. ET TECHNO. DE LABORATOIRE;T029B;STL biochimie-biologie-biotechnologie;PRATIQUE;ECE;INDIVIDUEL;12;0311111K;0311111K;0319999Z;25/02/2021;25/02/2021;O
            470;2021;BCG;BACCALAUREAT GENERAL;T099B;Epreuve inconnue pratique;PRATIQUE;ECE;SCOLAIRE;10;0310038Y;0310038Y;0319999Z;25/02/2021;25/02/2021;O
            470;2021;BCG;BACCALAUREAT GENERAL;T002A;Sciences de la vie et de la Terre;ECRIT;;SCOLAIRE;100;0310038Y;0310038Y;;15/06/2021;15/06/2021;N
            """;

    private static PluginTestPlatform platform;

    @BeforeAll
    static void start() {
        platform = PluginTestPlatform.start(PluginTestPlatform.distJar("ec-ece"), PluginTestPlatform.distJar("icc-bac"));
        platform.addSession("470", "BCG", "BAC_GENERAL", 2021);
        platform.addSession("430", "BTN", "BAC_TECHNO", 2021);
        for (String uai : new String[] {LYCEE_A, LYCEE_B, LYCEE_C, RECTORAT}) {
            platform.addEtablissement(uai, "ETABLISSEMENT " + uai);
        }
    }

    @BeforeEach
    void noMissionYet() {
        platform.enable("ec-ece");
        platform.execute("delete from mission");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static GenerationReport importer(String file) {
        return platform.missionGeneration().importFile(platform.tenant(), new StringReader(file), "gest.toulouse");
    }

    private static java.util.List<String> missions() {
        return platform.rows("""
                select m.type_code, s.examen_code, m.centre_uai, coalesce(eo.code, '-'), m.variante, m.candidats_attendus,
                       to_char(m.date_debut, 'DD/MM'), to_char(m.date_fin, 'DD/MM'), m.affectation_cyclades_terminee
                from mission m join session_examen s on s.id = m.session_id
                left join epreuve_option eo on eo.id = m.epreuve_option_id
                order by 1, 2, 3, 4, 5""");
    }

    @Test
    void aRegistrationImportGeneratesEveryEcAndEceMission() {
        GenerationReport report = importer(IMPORT);

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).containsExactly("Ligne 12 : l'épreuve T099B n'est pas une épreuve ECE "
                + "(T010B, T011B, T012B, T029B, T030B) : aucune mission générée.");
        assertThat(missions()).containsExactly(
                // COEC per EC épreuve-option and digitisation centre (lines 2+3, 4), HLP twice (5),
                // the LVA oral of individual candidates corrected in SANTORIN (6).
                "COEC|470|0310038Y|C001A||125|01/02|05/02|false",
                "COEC|470|0310038Y|C002CB||4|08/03|09/03|false",
                "COEC|470|0310038Y|C009|Partie littérature|30|01/02|03/02|false",
                "COEC|470|0310038Y|C009|Partie philosophie|30|01/02|03/02|false",
                "COEC|470|0310044E|C001A||80|02/02|06/02|false",
                // Coordinators' correction per ECE épreuve at the SANTORIN centre (9+10, 11).
                "COECE|430|0319999Z|T029B||12|25/02|25/02|true",
                "COECE|470|0319999Z|T011B||75|22/02|24/02|true",
                // Oral EC per épreuve-option and exam centre (7+8): not assigned until all are.
                "INEC|470|0311111K|C002CB||150|08/03|10/03|false",
                // ECE examiners per épreuve-option and centre where it takes place (9, 10, 11).
                "PRECE|430|0311111K|T029B||12|25/02|25/02|true",
                "PRECE|470|0310038Y|T011B||45|22/02|23/02|true",
                "PRECE|470|0310044E|T011B||30|24/02|24/02|true",
                // One digitisation mission per digitisation centre (2, 3, 5, 6 / 4).
                "SSCAN|470|0310038Y|-||159|01/02|09/03|false",
                "SSCAN|470|0310044E|-||80|02/02|06/02|false");
        assertThat(report.created()).containsEntry("COEC", 5).containsEntry("SSCAN", 2).containsEntry("INEC", 1)
                .containsEntry("PRECE", 3).containsEntry("COECE", 2);
        assertThat(report.updated()).isEmpty();
    }

    @Test
    void importedMissionsCarryTheirTypesRules() {
        importer(IMPORT);
        // CONV-1 open to the establishment; EC-5 signed by the chef d'établissement; SSCAN unpaid.
        assertThat(platform.rows("select distinct convocation_etablissement, signature from mission"))
                .containsExactly("true|ETABLISSEMENT");
        assertThat(platform.rows("select type_code, ouvre_droit_remuneration from mission where type_code in ('SSCAN', 'COEC') group by 1, 2 order by 1"))
                .containsExactly("COEC|true", "SSCAN|false");
        assertThat(platform.rows("select code, libelle, remuneration, plugin_id from type_mission order by code")).containsExactly(
                "COEC|Correction de copies épreuve EC|ECRIT|ec-ece",
                "COECE|Correction dématérialisée épreuve ECE|PRATIQUE|ec-ece",
                "INEC|Interrogation orale épreuve EC|PRATIQUE|ec-ece",
                "PRECE|Evaluation compétences expérimentales|PRATIQUE|ec-ece",
                "SSCAN|Numérisation des copies|AUCUNE|ec-ece");
        // The calendar offers the mission's days (CONV-6).
        assertThat(platform.query("select count(*) from mission_jour j join mission m on m.id = j.mission_id "
                + "where m.type_code = 'INEC'")).isEqualTo(3L);
        assertThat(platform.rows("select numero from mission order by numero")).hasSize(13).allMatch(n -> n.matches("\\d{6}"));
    }

    /**
     * The memo's rules as the platform applies them, not as the plugin declares them: the
     * convocation form of each type (qualité chosen or defaulted, days ticked or to enter again,
     * days outside the office's refused) and the signature (EC-5) the platform decides from the
     * rules loaded from the jar.
     */
    @Test
    void eachTypesRulesShapeTheConvocationFormAsTheMemoSays() {
        LocalDate lundi = LocalDate.of(2021, 2, 22);
        LocalDate mardi = lundi.plusDays(1);
        // COEC: a fixed list, "Correcteur Santorin" when none is chosen, nothing else accepted.
        assertThat(lire("COEC", "", lundi).demande().orElseThrow().qualite()).isEqualTo("Correcteur Santorin");
        assertThat(lire("COEC", "Référent correction", lundi).demande().orElseThrow().qualite()).isEqualTo("Référent correction");
        assertThat(lire("COEC", "Examinateur", lundi).erreurs())
                .containsExactly("La qualité « Examinateur » n'est pas proposée pour cette mission.");
        // PRECE: a fixed list without default, the coordinators' qualités included.
        assertThat(lire("PRECE", "", lundi).erreurs()).containsExactly("Choisissez la qualité de l'intervenant.");
        assertThat(lire("PRECE", "Coordinateur adjoint", lundi).demande().orElseThrow().qualite()).isEqualTo("Coordinateur adjoint");
        assertThat(lire("PRECE", "Référent correction", lundi).erreurs()).hasSize(1);
        // COECE: coordinators only.
        assertThat(lire("COECE", "Correcteur", lundi).erreurs()).hasSize(1);
        assertThat(lire("COECE", "Coordinateur", lundi).erreurs()).isEmpty();
        // SSCAN: no qualité at all, whatever is typed; INEC: the office's table, checked by the service.
        assertThat(lire("SSCAN", "Examinateur", lundi).demande().orElseThrow().qualite()).isEmpty();
        assertThat(lire("INEC", "Examinateur", lundi).demande().orElseThrow().qualite()).isEqualTo("Examinateur");
        // Only the office's days (CONV-6): a day outside the mission is refused.
        assertThat(lire("PRECE", "Correcteur", lundi.minusDays(1)).erreurs()).singleElement().asString()
                .contains("n'est pas une date de");

        // The form as it opens: PRECE ticks the office's days; SSCAN has them entered again;
        // COEC asks "Saisie sur la mission" first, so nothing is ticked.
        assertThat(SaisieConvocation.initiale(mission("PRECE", lundi, mardi), List.of("7")).jours())
                .containsExactly(lundi.toString(), mardi.toString());
        assertThat(SaisieConvocation.initiale(mission("SSCAN", lundi, mardi), List.of("7")).jours()).isEmpty();
        assertThat(SaisieConvocation.initiale(mission("COEC", lundi, mardi), List.of("7")).jours()).isEmpty();

        // EC-5: the chef d'établissement signs, whatever the office recorded on the mission.
        for (String code : new String[]{"COEC", "COECE", "INEC", "PRECE", "SSCAN"}) {
            assertThat(platform.missionTypeRules().signatureRole(platform.tenant(), code, "CENTRE")).as(code).isEqualTo("ETABLISSEMENT");
        }
        assertThat(platform.missionTypeRules().typesSignedBy(platform.tenant(), "CENTRE")).isEmpty();
        assertThat(platform.missionTypeRules().openForConvocationByDefault(platform.tenant()))
                .containsExactlyInAnyOrder("COEC", "INEC", "PRECE", "SSCAN", "COECE");
    }

    /** The convocation form of a mission of the type on two days, one person, the day typed with its times. */
    private static SaisieConvocation.Lecture lire(String typeCode, String qualite, LocalDate jour) {
        LocalDate lundi = LocalDate.of(2021, 2, 22);
        return new SaisieConvocation(List.of("7"), qualite, "", "", "", "", List.of(jour.toString()),
                Map.of(jour.toString(), new SaisieConvocation.Horaire("08:00", "12:00")), "", false)
                .lire(mission(typeCode, lundi, lundi.plusDays(1)));
    }

    private static MissionConvocation mission(String typeCode, LocalDate debut, LocalDate fin) {
        return new MissionConvocation(1L, "000001", typeCode, typeCode, "470, BCG, 2021", "BCG", "", "", debut, fin, 10,
                "ETABLISSEMENT", List.of(), List.of(), debut.datesUntil(fin.plusDays(1)).toList(), Map.of(), "",
                Optional.of(type(typeCode)));
    }

    @Test
    void inecMissionsAreConvenedOnlyOnceCycladesFinishedAssigningAndReimportingUpdatesInPlace() {
        importer(IMPORT);
        long inec = (Long) platform.query("select id from mission where type_code = 'INEC'");
        long coec = (Long) platform.query("select id from mission where type_code = 'COEC' limit 1");
        assertThat(refusal(inec)).hasValue("L'affectation n'est pas terminée dans cyclades. La convocation des intervenants n'est pas possible.");
        assertThat(refusal(coec)).isEmpty();

        // The office moved a mission's dates meanwhile; Cyclades then finished the assignment.
        platform.execute("update mission set date_debut = date '2021-03-09', observation = 'Salle 12' where id = ?", inec);
        GenerationReport again = importer(IMPORT.replace(";08/03/2021;10/03/2021;N", ";08/03/2021;10/03/2021;O"));

        assertThat(again.created()).isEmpty();
        // Only the mission whose registrations changed is updated: the others are as the first import left them.
        assertThat(again.updated()).isEqualTo(Map.of("INEC", 1));
        assertThat(platform.query("select count(*) from mission")).isEqualTo(13L);
        assertThat(refusal(inec)).isEmpty();
        assertThat(platform.rows("select to_char(date_debut, 'DD/MM'), observation, candidats_attendus from mission where id = ?", inec))
                .containsExactly("09/03|Salle 12|150");
    }

    @Test
    void anEceLineWithoutSantorinCentreRefusesTheWholeImport() {
        GenerationReport report = importer(IMPORT.replace("0310044E;0310044E;0319999Z;24/02/2021", "0310044E;0310044E;;24/02/2021"));
        assertThat(report.accepted()).isFalse();
        assertThat(report.errors()).containsExactly(
                "Ligne 10 : centre Santorin manquant pour l'épreuve ECE T011B (mission de correction des coordinateurs).");
        assertThat(platform.query("select count(*) from mission")).isEqualTo(0L);
    }

    @Test
    void unknownEstablishmentsOrSessionsRefuseTheImport() {
        GenerationReport report = importer(HEADER
                + "470;2021;BCG;BAC;C001A;HG;ECRIT;EC;SCOLAIRE;10;0350001A;0350001A;;01/02/2021;01/02/2021;N\n"
                + "470;2030;BCG;BAC;C001A;HG;ECRIT;EC;SCOLAIRE;10;0310038Y;0310038Y;;01/02/2030;01/02/2030;N\n");
        assertThat(report.errors()).containsExactlyInAnyOrder(
                "Session 2030 de l'examen 470 inconnue : importez d'abord la réglementation de l'examen.",
                "Etablissement 0350001A inconnu dans l'académie : importez-le avant les inscriptions.");
        assertThat(platform.query("select count(*) from mission")).isEqualTo(0L);
    }

    @Test
    void removingThePluginsJarRemovesItsBehaviourAndNothingElse() throws Exception {
        importer(IMPORT);
        long inec = (Long) platform.query("select id from mission where type_code = 'INEC'");
        Path jar = platform.pluginsDir().resolve("ec-ece.jar");
        Path aside = Files.createTempFile("ec-ece", ".jar");
        Files.move(jar, aside, StandardCopyOption.REPLACE_EXISTING);
        try {
            platform.reloadJars();
            assertThat(platform.missionTypeRules().type(platform.tenant(), "COEC")).isEmpty();
            assertThat(refusal(inec)).as("no plugin rule holds the INEC mission back any more").isEmpty();
            assertThat(importer(IMPORT).errors()).containsExactly(
                    "Aucun plugin de génération de missions n'est activé pour ACADEMIE D'ESSAI : rien à importer.");
            // Existing missions stay; the académie's other plugins still work.
            assertThat(platform.query("select count(*) from mission")).isEqualTo(13L);
            assertThat(platform.indemnites().covers(platform.tenant(), "470")).isTrue();
        } finally {
            Files.move(aside, jar);
            platform.reloadJars();
        }
        assertThat(refusal(inec)).as("the rule is back with the jar").isPresent();
    }

    @Test
    void disablingThePluginForTheAcademieHasTheSameEffect() {
        importer(IMPORT);
        platform.disable("ec-ece");
        assertThat(platform.missionTypeRules().types(platform.tenant())).isEmpty();
        assertThat(importer(IMPORT).accepted()).isFalse();
    }

    private static MissionType type(String code) {
        return platform.missionTypeRules().type(platform.tenant(), code).orElseThrow();
    }

    private static Optional<String> refusal(long missionId) {
        return platform.await(platform.missionTypeRules().convocationRefusal(platform.tenant(), missionId));
    }
}
