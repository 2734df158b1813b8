package fr.education.imagin.imports;

import fr.education.imagin.core.plugins.testkit.PluginTestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office's reference imports through their importers, on real PostgreSQL with the EC/ECE
 * plugin loaded from its jar, on an académie that starts without exams: the sample regulation of
 * {@code ops/samples} (exams, sessions, spécialités, épreuve-options), then the sample
 * registrations on it; re-importing (nothing changes, 0 / 0); updates that leave alone what the
 * file does not list; files with wrong rows (every rejected row with its line, nothing written);
 * the SYS compétences derived from the teachings, other authors' opinions untouched.
 */
class OfficeReferenceImportsTest {

    private static final Path SAMPLES = Path.of(System.getProperty("imagin.projectRoot", "../..")).resolve("ops/samples");
    private static final String REGULATION = """
            select 'X ' || code || '|' || sigle || '|' || libelle || '|' || famille from examen
            union all select 'S ' || examen_code || '|' || annee || '|' || libelle from session_examen
            union all select 'P ' || examen_code || '|' || code || '|' || libelle from specialite
            union all select 'E ' || s.examen_code || '|' || s.code || '|' || eo.code || '|' || eo.libelle || '|'
                             || coalesce(eo.nature, '-') || '|' || coalesce(eo.matiere_enseignement, '-')
                      from epreuve_option eo join specialite s on s.id = eo.specialite_id
            order by 1""";
    private static final String XMIN = """
            select (select sum(xmin::text::bigint) from examen) + (select sum(xmin::text::bigint) from session_examen)
                 + (select sum(xmin::text::bigint) from specialite) + (select sum(xmin::text::bigint) from epreuve_option)""";
    private static final String SYS = """
            select p.numen || ' ' || s.examen_code || '/' || eo.code || ' ' || c.auteur || ' (' || c.avis || ')'
            from competence_auteur c join personnel p on p.id = c.personnel_id
            join epreuve_option eo on eo.id = c.epreuve_option_id join specialite s on s.id = eo.specialite_id order by 1""";
    private static final String TEACHINGS = """
            select p.numen || ' ' || e.uai || ' ' || e.matiere || ' ' || e.modalite || ' ' || e.mef || ' ' || e.type_mef || ' '
                   || e.structure from enseignement e join personnel p on p.id = e.personnel_id order by 1""";
    /** The SYS compétences the sample teachings give with the sample regulation. */
    private static final List<String> SAMPLE_SYS = List.of(
            "12E0700001AAB 470/T004A SYS (C)", "34E0700002BBC 430/T030B SYS (C)", "34E0700002BBC 470/T011B SYS (C)",
            "56E0700003CCD 470/C009 SYS (C)", "78E0700004DDE 470/C002CB SYS (C)", "90E0700005EEF 470/C001A SYS (C)");

    private static PluginTestPlatform platform;
    private static RegulationImport regulation;
    private static RegistrationImport registrations;
    private static StaffImport staff;
    private static TeachingImport teachings;
    private final List<String> steps = new ArrayList<>();

    @BeforeAll
    static void start() {
        platform = PluginTestPlatform.start(PluginTestPlatform.distJar("ec-ece"));
        for (String uai : new String[] {"0310038Y", "0310044E", "0311111K", "0319999Z"}) {
            platform.addEtablissement(uai, "ETABLISSEMENT " + uai);
        }
        regulation = new RegulationImport(platform.jdbc());
        registrations = new RegistrationImport(platform.missionGeneration());
        staff = new StaffImport(platform.jdbc());
        teachings = new TeachingImport(platform.jdbc());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** An académie without exams, missions, staff nor compétences. */
    @BeforeEach
    void empty() {
        platform.execute("update etablissement set centre_examen = false, centre_numerisation = false");
        platform.execute("delete from platform.centre_examen_academie");
        platform.execute("delete from mission");
        platform.execute("delete from competence_auteur");
        platform.execute("delete from enseignement");
        platform.execute("delete from lieu_exercice");
        platform.execute("delete from personnel");
        platform.execute("delete from epreuve_option");
        platform.execute("delete from specialite");
        platform.execute("delete from session_examen");
        platform.execute("delete from examen");
    }

    private ImportReport importer(Importer importer, Path file) throws IOException {
        return importer.run(platform.tenant(), file, "gest.essai", (percent, step) -> steps.add(percent + " " + step));
    }

    private static Path file(String content) throws IOException {
        Path file = Files.createTempFile("import", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    private static String sample(String name) throws IOException {
        return Files.readString(SAMPLES.resolve(name));
    }

    @Test
    void theSampleRegulationCreatesTheExamsThenTheSampleRegistrationsGenerateTheirMissions() throws IOException {
        ImportReport report = importer(regulation, SAMPLES.resolve("reglementation.csv"));

        assertThat(report.rejets()).isEmpty();
        assertThat(report.lignes()).isEqualTo(11);
        assertThat(report.crees()).isEqualTo(Map.of("examens", 2, "sessions", 2, "spécialités", 2, "épreuves-options", 11));
        assertThat(report.misAJour()).isEqualTo(Map.of("examens", 0, "sessions", 0, "spécialités", 0, "épreuves-options", 0));
        assertThat(report.informations()).isEmpty();
        assertThat(ImportKind.REGLEMENTATION.bilan(report)).isEqualTo("17 créations, 0 mise à jour");
        assertThat(platform.rows("select code, sigle, libelle, famille from examen order by code")).containsExactly(
                "430|BTN|BACCALAUREAT TECHNOLOGIQUE|BAC_TECHNO", "470|BCG|BACCALAUREAT GENERAL|BAC_GENERAL");
        assertThat(platform.rows("select examen_code, annee, libelle from session_examen order by 1")).containsExactly(
                "430|2027|430, BTN, 2027 ,BGT 2027", "470|2027|470, BCG, 2027 ,BGT 2027");
        assertThat(platform.rows("""
                select s.code, eo.code, eo.nature, coalesce(eo.matiere_enseignement, '-') from epreuve_option eo
                join specialite s on s.id = eo.specialite_id where eo.code in ('C009', 'GO', 'T029B') order by 2""")).containsExactly(
                "BCG|C009|ECRIT|HUMANITES LITTERATURE PHILO", "BCG|GO|ORAL|-", "STL|T029B|PRATIQUE|BIOCHIMIE-BIOLOGIE-BIOTECHNO.");
        assertThat(steps).first().asString().startsWith("0 Lecture et contrôle des lignes");
        List<String> before = platform.rows(REGULATION);

        // The registrations of the same exams now find their sessions: the missions of OfficeImportsTest, on the regulation's épreuves.
        ImportReport missions = importer(registrations, SAMPLES.resolve("inscriptions.csv"));

        assertThat(missions.rejets()).isEmpty();
        assertThat(missions.crees()).isEqualTo(Map.of("COEC", 5, "COECE", 2, "INEC", 1, "PRECE", 3, "SSCAN", 2));
        assertThat(platform.rows(REGULATION)).isEqualTo(before);
        assertThat(platform.query("""
                select count(*) from mission m join epreuve_option eo on eo.id = m.epreuve_option_id
                where eo.nature is not null""")).isEqualTo(11L);
    }

    @Test
    void reimportingTheSameRegulationChangesNothing() throws IOException {
        importer(regulation, SAMPLES.resolve("reglementation.csv"));
        List<String> before = platform.rows(REGULATION);
        Object xmin = platform.query(XMIN);

        ImportReport again = importer(regulation, SAMPLES.resolve("reglementation.csv"));

        assertThat(again.accepted()).isTrue();
        assertThat(again.totalCrees()).isZero();
        assertThat(again.totalMisAJour()).isZero();
        assertThat(again.informations()).isEmpty();
        assertThat(platform.rows(REGULATION)).isEqualTo(before);
        // Not one row rewritten: an unchanged row keeps the transaction id that wrote it.
        assertThat(platform.query(XMIN)).isEqualTo(xmin);
    }

    @Test
    void aNewRegulationUpdatesWhatDiffersAndKeepsWhatItDoesNotList() throws IOException {
        importer(regulation, SAMPLES.resolve("reglementation.csv"));
        // An épreuve a registration import created, and an exam of the académie, neither in the next file.
        platform.execute("insert into examen (code, sigle, libelle, famille) values ('320', 'BTS', 'BTS', 'BTS')");
        platform.execute("insert into epreuve_option (specialite_id, code, libelle) select id, 'T099B', 'Epreuve inconnue' "
                + "from specialite where code = 'BCG'");
        String text = sample("reglementation.csv")
                .replace(";T002A;Sciences de la vie et de la Terre;ECRIT;", ";T002A;SVT écrit;ECRIT;")
                .replace("430;BTN;BACCALAUREAT TECHNOLOGIQUE;", "430;BTN;BAC TECHNOLOGIQUE;")
                // A second session of 470, whose épreuves are the same ones.
                + sample("reglementation.csv").lines().filter(l -> l.startsWith("470;"))
                        .map(l -> l.replace(";2027;470, BCG, 2027 ,BGT 2027;", ";2028;;"))
                        .map(l -> l.replace(";T002A;Sciences de la vie et de la Terre;ECRIT;", ";T002A;SVT écrit;ECRIT;"))
                        .reduce("", (a, b) -> a + b + "\n");

        ImportReport report = importer(regulation, file(text));

        assertThat(report.rejets()).isEmpty();
        assertThat(report.lignes()).isEqualTo(20);
        assertThat(report.crees()).isEqualTo(Map.of("examens", 0, "sessions", 1, "spécialités", 0, "épreuves-options", 0));
        assertThat(report.misAJour()).isEqualTo(Map.of("examens", 1, "sessions", 0, "spécialités", 0, "épreuves-options", 1));
        assertThat(platform.rows("select examen_code, annee, libelle from session_examen order by 1, 2")).containsExactly(
                "430|2027|430, BTN, 2027 ,BGT 2027", "470|2027|470, BCG, 2027 ,BGT 2027", "470|2028|470, BCG, 2028 ,BCG 2028");
        assertThat(platform.rows("select code, libelle from examen order by code")).containsExactly(
                "320|BTS", "430|BAC TECHNOLOGIQUE", "470|BACCALAUREAT GENERAL");
        assertThat(platform.rows("select code, libelle from epreuve_option where code in ('T002A', 'T099B') order by code"))
                .containsExactly("T002A|SVT écrit", "T099B|Epreuve inconnue");
    }

    @Test
    void malformedRegulationRowsAreReportedWithTheirLinesAndNothingIsWritten() throws IOException {
        List<String> lines = new ArrayList<>(sample("reglementation.csv").lines().toList());
        lines.set(1, lines.get(1).replace(";BAC_GENERAL;", ";BAC_GENERALE;"));                       // line 2
        lines.set(2, lines.get(2).replace(";2027;470, BCG, 2027 ,BGT 2027;", ";2027;BGT 2027;"));     // line 3
        lines.set(3, lines.get(3).replace(";ORAL;", ";ORALE;").replace(";C002CB;", ";C002 CB;"));    // line 4
        lines.set(9, lines.get(9).replace(";BACCALAUREAT GENERAL;BAC_GENERAL;", ";BAC GENERAL;BAC_GENERAL;")); // line 10
        lines.add(lines.get(6));                                                                      // line 13: T011B again
        lines.add(lines.get(6).replace(";2027;470, BCG, 2027 ,BGT 2027;", ";2028;;").replace(";PRATIQUE;", ";ECRIT;")); // line 14
        lines.add("430;BTN;BACCALAUREAT TECHNOLOGIQUE;BAC_TECHNO;27;;STL;STL;T031B;X;ECRIT");         // line 15
        lines.add("430;BTN;BACCALAUREAT TECHNOLOGIQUE;BAC_TECHNO;2027;;STL;STL;T031B;X;ECRIT;");      // line 16

        ImportReport report = importer(regulation, file(String.join("\n", lines)));

        assertThat(report.accepted()).isFalse();
        assertThat(report.lignes()).isEqualTo(15);
        assertThat(report.rejets()).extracting(r -> r.ligne() + " " + r.motif()).containsExactly(
                "2 famille « BAC_GENERALE » invalide (DNB, BAC_GENERAL, BAC_TECHNO, BAC_PRO, EA, BTS, CAP, CONCOURS, DCS, AUTRE).",
                "3 libelle_session « BGT 2027 » invalide (« 470, BCG, 2027 ,<intitulé> », ou vide pour « 470, BCG, 2027 ,BCG 2027 »).",
                "4 epreuve « C002 CB » invalide (code de 1 à 30 lettres, chiffres, '.', '_' ou '-').",
                "4 nature « ORALE » invalide (ECRIT, ORAL, PRATIQUE).",
                "10 examen 470 déjà lu ligne 5 avec un autre sigle, libellé ou famille.",
                "13 épreuve T011B de la spécialité BCG déjà donnée ligne 7 pour la session 2027 de l'examen 470.",
                "14 épreuve T011B de la spécialité BCG déjà lue ligne 7 avec un autre libellé, une autre nature ou une autre matière.",
                "15 11 champs au lieu de 12.",
                "16 session 2027 de l'examen 430 déjà lue ligne 11 avec un autre libellé (« 430, BTN, 2027 ,BGT 2027 »).");
        assertThat(platform.rows(REGULATION)).isEmpty();
    }

    @Test
    void anEpreuveWhoseSubjectChangesHasItsSysCompetencesRecomputedAndOtherAuthorsKeepTheirs() throws IOException {
        importer(staff, SAMPLES.resolve("personnels.csv"));
        // Paul Martin teaches physique-chimie, Anne Dupont mathématiques (as the teachings import would have written).
        platform.execute("""
                insert into enseignement (personnel_id, uai, matiere, modalite, mef, type_mef, structure)
                select id, '0310044E', m, 'CO', '20312012110', 'TERMINALE GENERALE', 'TG1' from personnel,
                (values ('34E0700002BBC', 'PHYSIQUE-CHIMIE'), ('12E0700001AAB', 'MATHEMATIQUES')) t(n, m) where numen = n""");

        ImportReport report = importer(regulation, SAMPLES.resolve("reglementation.csv"));

        assertThat(report.informations()).containsExactly(
                "Compétences SYS (épreuves-options dont la matière est enseignée) : 3 ajoutées, 0 retirée.");
        assertThat(platform.rows(SYS)).containsExactly(
                "12E0700001AAB 470/T004A SYS (C)", "34E0700002BBC 430/T030B SYS (C)", "34E0700002BBC 470/T011B SYS (C)");
        // The establishment says Paul is not competent for T011B, Anne says she is for it.
        platform.execute("""
                insert into competence_auteur (personnel_id, epreuve_option_id, auteur, type_auteur, avis)
                select p.id, eo.id, a, t, v from personnel p, epreuve_option eo,
                (values ('34E0700002BBC', '0310044E', 'ETABLISSEMENT', 'I'), ('12E0700001AAB', '12E0700001AAB', 'AGENT', 'C')) x(n, a, t, v)
                where p.numen = n and eo.code = 'T011B'""");

        // T011B is now matched to mathématiques: Paul's SYS row goes, Anne gets one; the others' opinions stay.
        ImportReport changed = importer(regulation, file(sample("reglementation.csv")
                .replace(";T011B;Physique-chimie pratique;PRATIQUE;PHYSIQUE-CHIMIE", ";T011B;Physique-chimie pratique;PRATIQUE;MATHEMATIQUES")));

        assertThat(changed.misAJour()).containsEntry("épreuves-options", 1);
        assertThat(changed.informations()).containsExactly(
                "Compétences SYS (épreuves-options dont la matière est enseignée) : 1 ajoutée, 1 retirée.");
        assertThat(platform.rows(SYS)).containsExactly(
                "12E0700001AAB 470/T004A SYS (C)", "12E0700001AAB 470/T011B 12E0700001AAB (C)", "12E0700001AAB 470/T011B SYS (C)",
                "34E0700002BBC 430/T030B SYS (C)", "34E0700002BBC 470/T011B 0310044E (I)");
    }

    @Test
    void theSampleTeachingsGiveEachPersonTheirTeachingsAndSysCompetencesAndAReimportChangesNothing() throws IOException {
        importer(staff, SAMPLES.resolve("personnels.csv"));
        importer(regulation, SAMPLES.resolve("reglementation.csv"));

        ImportReport report = importer(teachings, SAMPLES.resolve("enseignements.csv"));

        assertThat(report.rejets()).isEmpty();
        assertThat(report.lignes()).isEqualTo(9);
        assertThat(report.crees()).isEqualTo(Map.of("enseignements", 9));
        assertThat(report.misAJour()).isEmpty();
        assertThat(report.supprimes()).isEqualTo(Map.of("enseignements", 0));
        assertThat(ImportKind.ENSEIGNEMENTS.bilan(report)).isEqualTo("9 enseignements créés, 0 supprimé");
        assertThat(report.informations()).containsExactly("Enseignements modifiés pour 5 personnels.",
                "Compétences SYS (épreuves-options dont la matière est enseignée) : 6 ajoutées, 0 retirée.");
        assertThat(platform.rows(TEACHINGS)).hasSize(9).contains(
                "12E0700001AAB 0310038Y MATHEMATIQUES CO 20312012110 TERMINALE GENERALE TG2",
                "90E0700005EEF 0311111K HISTOIRE-GEOGRAPHIE CO 24925002110 TERMINALE PRO TPRO1");
        assertThat(platform.rows(SYS)).containsExactlyElementsOf(SAMPLE_SYS);
        assertThat(steps).last().asString().isEqualTo("80 Compétences SYS des personnels du fichier");
        List<String> before = platform.rows(TEACHINGS);
        Object xmin = platform.query("select (select sum(xmin::text::bigint) from enseignement) "
                + "+ (select sum(xmin::text::bigint) from competence_auteur)");

        ImportReport again = importer(teachings, SAMPLES.resolve("enseignements.csv"));

        assertThat(again.accepted()).isTrue();
        assertThat(again.totalCrees()).isZero();
        assertThat(again.totalMisAJour()).isZero();
        assertThat(again.totalSupprimes()).isZero();
        assertThat(again.informations()).isEmpty();
        assertThat(ImportKind.ENSEIGNEMENTS.bilan(again)).isEqualTo("0 enseignement créé, 0 supprimé");
        assertThat(platform.rows(TEACHINGS)).isEqualTo(before);
        assertThat(platform.rows(SYS)).containsExactlyElementsOf(SAMPLE_SYS);
        // Not one row rewritten: an unchanged row keeps the transaction id that wrote it.
        assertThat(platform.query("select (select sum(xmin::text::bigint) from enseignement) "
                + "+ (select sum(xmin::text::bigint) from competence_auteur)")).isEqualTo(xmin);
    }

    @Test
    void teachingsImportedBeforeTheRegulationGiveTheSameSysCompetences() throws IOException {
        importer(staff, SAMPLES.resolve("personnels.csv"));
        ImportReport first = importer(teachings, SAMPLES.resolve("enseignements.csv"));
        assertThat(first.informations()).containsExactly("Enseignements modifiés pour 5 personnels.");
        assertThat(platform.rows(SYS)).isEmpty();

        ImportReport report = importer(regulation, SAMPLES.resolve("reglementation.csv"));

        assertThat(report.informations()).containsExactly(
                "Compétences SYS (épreuves-options dont la matière est enseignée) : 6 ajoutées, 0 retirée.");
        assertThat(platform.rows(SYS)).containsExactlyElementsOf(SAMPLE_SYS);
    }

    @Test
    void aNewTeachingsFileReplacesTheTeachingsOfThePeopleItListsAndOnlyTheirSysRows() throws IOException {
        importer(staff, SAMPLES.resolve("personnels.csv"));
        importer(regulation, SAMPLES.resolve("reglementation.csv"));
        importer(teachings, SAMPLES.resolve("enseignements.csv"));
        // Other authors: the establishment says Paul is not competent for T011B, a manager that he is for T030B,
        // Anne that she is for C001A; and Soizic has a SYS row no teaching of hers explains (she is not in the next file).
        platform.execute("""
                insert into competence_auteur (personnel_id, epreuve_option_id, auteur, type_auteur, avis)
                select p.id, eo.id, a, t, v from personnel p, epreuve_option eo,
                (values ('34E0700002BBC', 'T011B', '0310044E', 'ETABLISSEMENT', 'I'),
                        ('34E0700002BBC', 'T030B', 'GEST1', 'GESTIONNAIRE', 'C'),
                        ('12E0700001AAB', 'C001A', '12E0700001AAB', 'AGENT', 'C'),
                        ('90E0700005EEF', 'T002A', 'SYS', 'SYS', 'C')) x(n, e, a, t, v)
                where p.numen = n and eo.code = e""");
        List<String> others = platform.rows(TEACHINGS).stream()
                .filter(r -> !r.startsWith("12E0700001AAB") && !r.startsWith("34E0700002BBC")).toList();
        String text = """
                numen;uai;matiere;modalite;mef;type_mef;structure
                12E0700001AAB;0310038Y;MATHEMATIQUES;CO;20312012110;TERMINALE GENERALE;TG2
                12E0700001AAB;0310044E;ENSEIGNEMENT SCIENTIFIQUE;TD;20212012110;1ERE GENERALE;1G3
                34E0700002BBC;0310044E;MATHEMATIQUES;CO;20312012110;TERMINALE GENERALE;TG1
                """;

        ImportReport report = importer(teachings, file(text));

        assertThat(report.rejets()).isEmpty();
        assertThat(report.crees()).isEqualTo(Map.of("enseignements", 2));
        assertThat(report.supprimes()).isEqualTo(Map.of("enseignements", 3));
        assertThat(ImportKind.ENSEIGNEMENTS.bilan(report)).isEqualTo("2 enseignements créés, 3 supprimés");
        assertThat(report.informations()).containsExactly("Enseignements modifiés pour 2 personnels.",
                "Compétences SYS (épreuves-options dont la matière est enseignée) : 1 ajoutée, 2 retirées.");
        assertThat(platform.rows(TEACHINGS)).containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(others.stream(),
                java.util.stream.Stream.of("12E0700001AAB 0310038Y MATHEMATIQUES CO 20312012110 TERMINALE GENERALE TG2",
                        "12E0700001AAB 0310044E ENSEIGNEMENT SCIENTIFIQUE TD 20212012110 1ERE GENERALE 1G3",
                        "34E0700002BBC 0310044E MATHEMATIQUES CO 20312012110 TERMINALE GENERALE TG1")).toList());
        assertThat(platform.rows(SYS)).containsExactly(
                "12E0700001AAB 470/C001A 12E0700001AAB (C)", "12E0700001AAB 470/T004A SYS (C)",
                "34E0700002BBC 430/T030B GEST1 (C)", "34E0700002BBC 470/T004A SYS (C)", "34E0700002BBC 470/T011B 0310044E (I)",
                "56E0700003CCD 470/C009 SYS (C)", "78E0700004DDE 470/C002CB SYS (C)", "90E0700005EEF 470/C001A SYS (C)",
                "90E0700005EEF 470/T002A SYS (C)");
    }

    @Test
    void malformedTeachingRowsAreReportedWithTheirLinesAndNothingIsWritten() throws IOException {
        importer(staff, SAMPLES.resolve("personnels.csv"));
        importer(regulation, SAMPLES.resolve("reglementation.csv"));
        importer(teachings, SAMPLES.resolve("enseignements.csv"));
        List<String> before = platform.rows(TEACHINGS);
        String text = sample("enseignements.csv").replace("34E0700002BBC;0310044E;PHYSIQUE-CHIMIE;TP;", "34E0700002BBC;0310044E;MATHEMATIQUES;TP;")
                + "12E07X;0310038Y;MATHEMATIQUES;CO;20312012110;TERMINALE GENERALE;TG2\n"          // line 11
                + "12E0700001AAB;031003;MATHEMATIQUES;CO;20312012110;TERMINALE GENERALE;TG2\n"      // line 12
                + "11E0700099ZZZ;0310038Y;MATHEMATIQUES;CO;20312012110;TERMINALE GENERALE;TG2\n"    // line 13
                + "12E0700001AAB;0399999Z;MATHEMATIQUES;CO;20312012110;TERMINALE GENERALE;TG2\n"    // line 14
                + "12E0700001AAB;0310038Y;mathematiques;CO;20312012110;TERMINALE GENERALE;TG2\n"    // line 15
                + "12E0700001AAB;0310038Y;;CO;20312012110;TERMINALE GENERALE;TG2\n"                 // line 16
                + "12E0700001AAB;0310038Y;MATHEMATIQUES\n";                                         // line 17

        ImportReport report = importer(teachings, file(text));

        assertThat(report.accepted()).isFalse();
        assertThat(report.lignes()).isEqualTo(16);
        assertThat(report.rejets()).extracting(r -> r.ligne() + " " + r.motif()).containsExactly(
                "11 numen « 12E07X » invalide (2 chiffres, une lettre, 7 chiffres, 3 lettres).",
                "12 uai « 031003 » invalide (7 chiffres et une lettre).",
                "13 NUMEN 11E0700099ZZZ inconnu dans l'académie : importez d'abord le personnel.",
                "14 établissement 0399999Z inconnu dans l'académie.",
                "15 enseignement déjà donné ligne 2 pour le NUMEN 12E0700001AAB.",
                "16 matiere manquant.",
                "17 3 champs au lieu de 7.");
        assertThat(platform.rows(TEACHINGS)).isEqualTo(before);
        assertThat(platform.rows(SYS)).containsExactlyElementsOf(SAMPLE_SYS);

        // Only lines the file itself refuses: refused before the database is asked.
        ImportReport unreadable = importer(teachings, file("numen;uai;matiere;modalite;mef;type_mef\n12E0700001AAB;0310038Y;M;CO;1;T\n"));
        assertThat(unreadable.rejets()).containsExactly(new ImportReport.Rejet(1, "colonne « structure » manquante."));
        assertThat(platform.rows(TEACHINGS)).isEqualTo(before);
    }
}
