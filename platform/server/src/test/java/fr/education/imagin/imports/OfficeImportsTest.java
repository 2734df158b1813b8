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
 * The office's two imports through their importers, on real PostgreSQL with the EC/ECE plugin
 * loaded from its jar: the sample files of {@code ops/samples} (the missions the registrations
 * generate, the staff and workplaces), re-importing them (nothing changes, the report says 0 / 0),
 * and files with wrong rows (every rejected row with its line and reason, nothing written).
 */
class OfficeImportsTest {

    private static final Path SAMPLES = Path.of(System.getProperty("imagin.projectRoot", "../..")).resolve("ops/samples");
    private static final String MISSIONS = """
            select m.type_code, s.examen_code, m.centre_uai, coalesce(eo.code, '-'), m.variante, m.candidats_attendus,
                   m.date_debut, m.date_fin, m.affectation_cyclades_terminee, m.numero
            from mission m join session_examen s on s.id = m.session_id left join epreuve_option eo on eo.id = m.epreuve_option_id
            order by 1, 2, 3, 4, 5""";
    private static final String STAFF = """
            select p.numen, p.civilite, p.nom, p.prenom, p.date_naissance, p.discipline_poste, p.corps, p.mail_pro, p.tel_pro,
                   coalesce((select string_agg(l.uai || (case when l.principal then '*' else '' end), ',' order by l.uai)
                             from lieu_exercice l where l.personnel_id = p.id), '')
            from personnel p order by p.numen""";

    private static PluginTestPlatform platform;
    private static RegistrationImport registrations;
    private static StaffImport staff;
    private final List<String> steps = new ArrayList<>();

    @BeforeAll
    static void start() {
        platform = PluginTestPlatform.start(PluginTestPlatform.distJar("ec-ece"));
        platform.addSession("470", "BCG", "BAC_GENERAL", 2027);
        platform.addSession("430", "BTN", "BAC_TECHNO", 2027);
        for (String uai : new String[] {"0310038Y", "0310044E", "0311111K", "0319999Z"}) {
            platform.addEtablissement(uai, "ETABLISSEMENT " + uai);
        }
        registrations = new RegistrationImport(platform.missionGeneration());
        staff = new StaffImport(platform.jdbc());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @BeforeEach
    void empty() {
        platform.execute("update etablissement set centre_examen = false, centre_numerisation = false");
        platform.execute("delete from platform.centre_examen_academie");
        platform.execute("delete from mission");
        platform.execute("delete from lieu_exercice");
        platform.execute("delete from personnel");
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

    @Test
    void theSampleRegistrationFileGeneratesTheEcAndEceMissionsAndReportsThePluginsAnomaly() throws IOException {
        ImportReport report = importer(registrations, SAMPLES.resolve("inscriptions.csv"));

        assertThat(report.rejets()).isEmpty();
        assertThat(report.lignes()).isEqualTo(12);
        assertThat(report.crees()).isEqualTo(Map.of("COEC", 5, "COECE", 2, "INEC", 1, "PRECE", 3, "SSCAN", 2));
        assertThat(report.misAJour()).isEmpty();
        assertThat(report.avertissements()).containsExactly("Ligne 12 : l'épreuve T099B n'est pas une épreuve ECE "
                + "(T010B, T011B, T012B, T029B, T030B) : aucune mission générée.");
        assertThat(platform.query("select count(*) from mission")).isEqualTo(13L);
        assertThat(platform.rows("select type_code, count(*) from mission group by 1 order by 1"))
                .containsExactly("COEC|5", "COECE|2", "INEC|1", "PRECE|3", "SSCAN|2");
        // The establishments holding a mission are exam centres now, here and in the platform's registry (ACAD-1).
        assertThat(report.informations()).containsExactly(
                "Établissements devenus centres d'examen de l'académie : 0310038Y, 0310044E, 0311111K, 0319999Z.");
        assertThat(platform.rows("select uai, centre_examen, centre_numerisation from etablissement order by uai")).containsExactly(
                "0310038Y|true|true", "0310044E|true|true", "0311111K|true|true", "0319999Z|true|false");
        assertThat(platform.rows("select uai from platform.centre_examen_academie where tenant_code = ? order by uai",
                platform.tenant().code())).containsExactly("0310038Y", "0310044E", "0311111K", "0319999Z");
        // The page's bar went from reading the rows to writing the missions.
        assertThat(steps).first().asString().startsWith("0 Lecture et contrôle des lignes");
        assertThat(steps).last().asString().isEqualTo("60 Génération des missions par les plugins et écriture");
    }

    @Test
    void reimportingTheSameRegistrationFileChangesNothing() throws IOException {
        importer(registrations, SAMPLES.resolve("inscriptions.csv"));
        List<String> before = platform.rows(MISSIONS);

        ImportReport again = importer(registrations, SAMPLES.resolve("inscriptions.csv"));

        assertThat(again.accepted()).isTrue();
        assertThat(again.totalCrees()).isZero();
        assertThat(again.totalMisAJour()).isZero();
        assertThat(again.informations()).isEmpty();
        assertThat(platform.rows(MISSIONS)).isEqualTo(before);
    }

    @Test
    void malformedRegistrationRowsAreReportedWithTheirLinesAndNothingIsWritten() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLES.resolve("inscriptions.csv")));
        lines.set(1, lines.get(1).replace(";120;", ";cent vingt;"));
        lines.set(5, lines.get(5).replace(";0310038Y;0311111K;", ";031003;0311111K;"));
        lines.set(9, lines.get(9).replace(";0310044E;0310044E;0319999Z;", ";0310044E;0310044E;;"));
        lines.add("470;2027;BCG;BAC;C001A;HG;ECRIT;EC;SCOLAIRE;10;0310038Y;0310038Y;;31/02/2027;01/03/2027;N");

        ImportReport report = importer(registrations, file(String.join("\n", lines)));

        assertThat(report.accepted()).isFalse();
        assertThat(report.lignes()).isEqualTo(13);
        assertThat(report.rejets()).extracting(ImportReport.Rejet::ligne).containsExactly(2, 6, 14);
        assertThat(report.rejets().get(0).motif()).isEqualTo("candidats « cent vingt » invalide (entier de 1 à 100000).");
        assertThat(report.rejets().get(1).motif()).isEqualTo("centre_numerisation « 031003 » invalide (UAI de 7 chiffres et une lettre).");
        assertThat(report.rejets().get(2).motif()).startsWith("date_debut « 31/02/2027 » invalide");
        assertThat(platform.query("select count(*) from mission")).isEqualTo(0L);

        // With the rows right, the plugin's blocking anomaly (an ECE épreuve without Santorin centre, line 10) refuses it.
        lines.set(1, lines.get(1).replace(";cent vingt;", ";120;"));
        lines.set(5, lines.get(5).replace(";031003;", ";0310038Y;"));
        lines.remove(lines.size() - 1);
        ImportReport plugin = importer(registrations, file(String.join("\n", lines)));
        assertThat(plugin.rejets()).containsExactly(new ImportReport.Rejet(10,
                "centre Santorin manquant pour l'épreuve ECE T011B (mission de correction des coordinateurs)."));
        assertThat(platform.query("select count(*) from mission")).isEqualTo(0L);
    }

    @Test
    void theSampleStaffFileCreatesPeopleAndWorkplacesAndAReimportChangesNothing() throws IOException {
        ImportReport report = importer(staff, SAMPLES.resolve("personnels.csv"));

        assertThat(report.rejets()).isEmpty();
        assertThat(report.lignes()).isEqualTo(7);
        assertThat(report.crees()).isEqualTo(Map.of("personnels", 5));
        assertThat(report.misAJour()).isEqualTo(Map.of("personnels", 0));
        List<String> after = platform.rows(STAFF);
        assertThat(after).containsExactly(
                "12E0700001AAB|Mme|DUPONT|Anne|1978-03-14|MATHEMATIQUES|CERTIFIE|anne.dupont@ac-toulouse.fr|0561000001|0310038Y*,0310044E",
                "34E0700002BBC|M.|MARTIN|Paul|1969-11-02|PHYSIQUE-CHIMIE|AGREGE|paul.martin@ac-toulouse.fr||0310044E*",
                "56E0700003CCD|Mme|DURAND-LEROY|Élodie|1985-06-30|LETTRES MODERNES|CERTIFIE|elodie.durand-leroy@ac-toulouse.fr||0310038Y*",
                "78E0700004DDE|M.|N'DIAYE|Moussa|1990-01-21|ANGLAIS|CERTIFIE|||0310038Y,0311111K*",
                "90E0700005EEF|Mme|QUÉRÉ|Soizic|1975-09-09|HISTOIRE-GEOGRAPHIE|PLP|soizic.quere@ac-toulouse.fr|0561000005|0311111K*");
        Object personnelXmin = platform.query("select sum(xmin::text::bigint) from personnel");
        Object lieuXmin = platform.query("select sum(xmin::text::bigint) from lieu_exercice");

        ImportReport again = importer(staff, SAMPLES.resolve("personnels.csv"));

        assertThat(again.accepted()).isTrue();
        assertThat(again.totalCrees()).isZero();
        assertThat(again.totalMisAJour()).isZero();
        assertThat(platform.rows(STAFF)).isEqualTo(after);
        // Not one row rewritten: an unchanged row keeps the transaction id that wrote it.
        assertThat(platform.query("select sum(xmin::text::bigint) from personnel")).isEqualTo(personnelXmin);
        assertThat(platform.query("select sum(xmin::text::bigint) from lieu_exercice")).isEqualTo(lieuXmin);
    }

    @Test
    void aNewStaffFileUpdatesWhatChangedAndMovesThePrincipalWorkplace() throws IOException {
        importer(staff, SAMPLES.resolve("personnels.csv"));
        platform.execute("update personnel set adresse = '3 rue des Lilas' where numen = '12E0700001AAB'");
        String text = Files.readString(SAMPLES.resolve("personnels.csv"))
                // Anne Dupont: her secondary workplace becomes principal and the other one secondary.
                .replace(";0310038Y;O\n12E0700001AAB", ";0310038Y;N\n12E0700001AAB")
                .replace("anne.dupont@ac-toulouse.fr;0561000001;0310044E;N", "anne.dupont@ac-toulouse.fr;0561000001;0310044E;O")
                // Paul Martin changes corps; Moussa N'Diaye leaves 0310038Y.
                .replace("PHYSIQUE-CHIMIE;AGREGE", "PHYSIQUE-CHIMIE;CERTIFIE")
                .replace("78E0700004DDE;M.;N'DIAYE;Moussa;21/01/1990;ANGLAIS;CERTIFIE;;;0310038Y;N\n", "");

        ImportReport report = importer(staff, file(text));

        assertThat(report.rejets()).isEmpty();
        assertThat(report.crees()).isEqualTo(Map.of("personnels", 0));
        assertThat(report.misAJour()).isEqualTo(Map.of("personnels", 3));
        assertThat(platform.rows("""
                select p.numen, p.corps, p.adresse, string_agg(l.uai || (case when l.principal then '*' else '' end), ',' order by l.uai)
                from personnel p join lieu_exercice l on l.personnel_id = p.id
                where p.numen in ('12E0700001AAB', '34E0700002BBC', '78E0700004DDE') group by 1, 2, 3 order by 1""")).containsExactly(
                "12E0700001AAB|CERTIFIE|3 rue des Lilas|0310038Y,0310044E*",
                "34E0700002BBC|CERTIFIE||0310044E*",
                "78E0700004DDE|CERTIFIE||0311111K*");
    }

    @Test
    void malformedStaffRowsAreReportedWithTheirLinesAndNothingIsWritten() throws IOException {
        importer(staff, SAMPLES.resolve("personnels.csv"));
        List<String> before = platform.rows(STAFF);
        String text = Files.readString(SAMPLES.resolve("personnels.csv"))
                + "12E07X;Mme;ROUX;Ana;01/01/1980;LETTRES;;;;0310038Y;O\n"                        // line 9
                + "11E0700006FFG;Mlle;ROUX;Ana;31/02/1980;LETTRES;;ana@;;0310038Y;O\n"           // line 10
                + "11E0700007GGH;M.;BLANC;Jean;01/01/1980;LETTRES;;;;0399999Z;O\n"                // line 11
                + "11E0700008HHI;M.;NOIR;Jean;01/01/1980;LETTRES;;;;0310038Y;O\n"                 // line 12
                + "11E0700008HHI;M.;NOIR;Jean;01/01/1980;LETTRES;;;;0310044E;O\n"                 // line 13
                + "34E0700002BBC;M.;MARTIN;Pierre;02/11/1969;PHYSIQUE-CHIMIE;AGREGE;;;0310038Y;N\n" // line 14
                + "11E0700009IIJ;M.;VERT;Jean;01/01/1980\n"                                      // line 15
                + "11E0700010JJK;M.;GRIS;Jean;01/01/1980;LETTRES;;;;0310038Y;N\n";                // line 16
        Path file = file(text);

        ImportReport report = importer(staff, file);

        assertThat(report.accepted()).isFalse();
        assertThat(report.rejets()).extracting(r -> r.ligne() + " " + r.motif()).containsExactly(
                "9 numen « 12E07X » invalide (2 chiffres, une lettre, 7 chiffres, 3 lettres).",
                "10 civilite « Mlle » invalide (M. ou Mme).",
                "10 La date de naissance « 31/02/1980 » n'existe pas.",
                "10 mail_pro « ana@ » n'est pas une adresse électronique.",
                "11 établissement 0399999Z inconnu dans l'académie.",
                "12 NUMEN 11E0700008HHI : 2 lieux d'exercice principaux, un seul est permis.",
                "14 NUMEN 34E0700002BBC déjà lu ligne 4 avec une autre identité (civilité, nom, prénom, naissance, discipline, "
                        + "corps, courriel ou téléphone).",
                "15 5 champs au lieu de 11.",
                "16 NUMEN 11E0700010JJK : aucun lieu d'exercice principal (principal = O).");
        assertThat(platform.rows(STAFF)).isEqualTo(before);

        // Only an establishment the académie does not have: refused too, by line.
        ImportReport unknown = importer(staff, file(Files.readString(SAMPLES.resolve("personnels.csv"))
                + "11E0700007GGH;M.;BLANC;Jean;01/01/1980;LETTRES;;;;0399999Z;O\n"));
        assertThat(unknown.rejets()).containsExactly(new ImportReport.Rejet(9, "établissement 0399999Z inconnu dans l'académie."));
        assertThat(platform.rows(STAFF)).isEqualTo(before);
    }

    @Test
    void oneRunOfEachKindAtATimeAndARunWhoseMemberDiedIsMarkedFailed() {
        platform.execute("delete from import_fichier");
        ImportJobs jobs = new ImportJobs(platform.sql(), platform.jdbc());
        long first = platform.await(jobs.start(platform.tenant(), ImportKind.PERSONNELS, "a.csv", "gest.essai")).orElseThrow();
        assertThat(platform.await(jobs.start(platform.tenant(), ImportKind.PERSONNELS, "b.csv", "gest.essai"))).isEmpty();
        assertThat(platform.await(jobs.start(platform.tenant(), ImportKind.INSCRIPTIONS, "c.csv", "gest.essai"))).isPresent();

        jobs.progress(platform.tenant(), first, 0).at(40, "Chargement des lignes");
        ImportJobs.Job running = platform.await(jobs.latest(platform.tenant(), ImportKind.PERSONNELS)).orElseThrow();
        assertThat(running.enCours()).isTrue();
        assertThat(running.avancement()).isEqualTo(40);
        assertThat(running.etape()).isEqualTo("Chargement des lignes");

        // Its member is alive and touches it, however long a step takes: it stays under way.
        platform.execute("update import_fichier set maj_le = now() - interval '11 minutes' where id = ?", first);
        platform.await(jobs.touch(platform.tenant(), first));
        assertThat(platform.await(jobs.latest(platform.tenant(), ImportKind.PERSONNELS)).orElseThrow().enCours()).isTrue();

        // Its member stopped: not touched for longer than the limit.
        platform.execute("update import_fichier set maj_le = now() - interval '11 minutes' where id = ?", first);
        ImportJobs.Job stale = platform.await(jobs.latest(platform.tenant(), ImportKind.PERSONNELS)).orElseThrow();
        assertThat(stale.etat()).isEqualTo("ECHEC");
        assertThat(stale.etape()).isEqualTo("Import interrompu (serveur arrêté pendant l'import)");
        long next = platform.await(jobs.start(platform.tenant(), ImportKind.PERSONNELS, "b.csv", "gest.essai")).orElseThrow();

        ImportReport report = new ImportReport(1, List.of(), List.of(), Map.of("personnels", 1), Map.of("personnels", 0), List.of());
        jobs.finish(platform.tenant(), next, report);
        ImportJobs.Job done = platform.await(jobs.latest(platform.tenant(), ImportKind.PERSONNELS)).orElseThrow();
        assertThat(done.etat()).isEqualTo("TERMINE");
        assertThat(done.rapport()).contains(report);
        assertThat(done.finiLe()).isPresent();
    }

    @Test
    void aReportSurvivesItsJsonRoundTrip() {
        ImportReport report = new ImportReport(3, List.of(new ImportReport.Rejet(2, "motif"), new ImportReport.Rejet(null, "fichier")),
                List.of("attention"), Map.of("COEC", 2), Map.of("INEC", 1), List.of("Établissement devenu centre d'examen"));
        assertThat(ImportReport.fromJson(report.toJson())).isEqualTo(report);
        assertThat(ImportReport.Rejet.of("Ligne 12 : l'épreuve T099B")).isEqualTo(new ImportReport.Rejet(12, "l'épreuve T099B"));
        assertThat(ImportReport.Rejet.of("Session 2030 inconnue")).isEqualTo(new ImportReport.Rejet(null, "Session 2030 inconnue"));
    }
}
