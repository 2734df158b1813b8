package fr.education.imagin.servicefait;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.education.imagin.servicefait.ServiceFaitMissions.TODAY;
import static fr.education.imagin.servicefait.ServiceFaitMissions.YEAR;
import static fr.education.imagin.testkit.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Constat service fait" (guide §4.3, CSF-1…CSF-5, EC-4) over HTTP against the real platform and
 * PostgreSQL: which missions the list shows and their state, the filters' defaults, each
 * remuneration's rules and bounds, the expenses and the lock, the office's path to any centre's
 * mission, the SANTORIN import (all or nothing), and the PDFs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceFaitRoutesTest {

    private static final String LIST = "/toulouse/service-fait/";
    private static final String OFFICE = "/toulouse/administration/service-fait";

    private static String base;
    private static Browser chef;
    private static Browser gestionnaire;

    @BeforeAll
    static void signIn() {
        base = SharedPlatform.baseUrl();
        ServiceFaitMissions.create();
        chef = new Browser();
        chef.login(base, "toulouse", "ce.0310038y", "imagin-demo");
        gestionnaire = new Browser();
        gestionnaire.login(base, "toulouse", "gest.toulouse", "imagin-demo");
    }

    @AfterAll
    static void signOut() {
        chef.quit(base, "toulouse");
        gestionnaire.quit(base, "toulouse");
    }

    private static String mission(long id) {
        return base + LIST + id;
    }

    private static List<Map.Entry<String, String>> fields(Object... pairs) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(Map.entry(String.valueOf(pairs[i]), String.valueOf(pairs[i + 1])));
        }
        return list;
    }

    private static HttpResponse<String> save(Browser who, String page, Object... pairs) {
        return who.submitPairs(page, page, fields(pairs));
    }

    private static long constats(long affectation) {
        return count("select count(*) from t_toulouse.service_fait where affectation_id = " + affectation);
    }

    private static String frais(long affectation) {
        return String.valueOf(TestSql.count("select count(*) from t_toulouse.frais where affectation_id = " + affectation) == 0 ? "aucun"
                : single("select statut || ':' || coalesce(unite, '') || ':' || coalesce(quantite::text, '') from t_toulouse.frais where affectation_id = " + affectation));
    }

    private static String single(String sql) {
        List<String> out = new ArrayList<>();
        TestSql.inSchema("t_toulouse", st -> {
            try (var rs = st.executeQuery(sql)) {
                rs.next();
                out.add(rs.getString(1));
            }
        });
        return out.get(0);
    }

    @Test
    @Order(1)
    void theListShowsTheCentresMissionsWithTheirStateAndLeavesOutTheOthers() {
        String years = "annee=" + YEAR + "&annee=" + TODAY.getYear() + "&annee=" + TODAY.plusDays(40).getYear();
        String all = chef.get(base + LIST + "?q=ZZCSF&filtre=1&" + years).body();
        assertThat(all).contains("ZZCSF-ECRIT", "ZZCSF-ORAL2", "ZZCSF-SURV", "ZZCSF-PRAT", "ZZCSF-FUTUR", "ZZCSF-CONSTATEE",
                        "Mission effectuée", "Mission commencée", "Mission non effectuée", "Mission constatée")
                .doesNotContain("ZZCSF-COEC", "ZZCSF-CONCOURS", "ZZCSF-AILLEURS");
        // "Masquer les missions déjà constatées" is on by default, the year the current one.
        String byDefault = chef.get(base + LIST + "?q=ZZCSF").body();
        assertThat(byDefault).doesNotContain("ZZCSF-CONSTATEE").contains("value=\"constatees\" checked");
        if (YEAR == TODAY.getYear()) {
            assertThat(byDefault).contains("ZZCSF-ECRIT");
        }
        String hidden = chef.get(base + LIST + "?q=ZZCSF&filtre=1&masquer=non-effectuees&" + years).body();
        assertThat(hidden).contains("ZZCSF-ECRIT", "ZZCSF-CONSTATEE").doesNotContain("ZZCSF-FUTUR");
        // Every column sorts.
        for (String column : List.of("numero", "session", "specialite", "epreuve", "type", "debut", "etat")) {
            HttpResponse<String> sorted = chef.get(base + LIST + "?q=ZZCSF&filtre=1&tri=" + column + "&sens=desc&" + years);
            assertThat(sorted.statusCode()).as(column).isEqualTo(200);
            assertThat(sorted.body()).as(column).contains("ZZCSF-ECRIT");
        }
        String byState = chef.get(base + LIST + "?q=ZZCSF&filtre=1&tri=etat&" + years).body();
        assertThat(byState.indexOf("Mission commencée")).isLessThan(byState.indexOf("Mission non effectuée"));
        // The excluded missions are not reachable by their address either.
        assertThat(chef.get(mission(ServiceFaitMissions.coec)).statusCode()).isEqualTo(404);
        assertThat(chef.get(mission(ServiceFaitMissions.concours)).statusCode()).isEqualTo(404);
        assertThat(chef.get(mission(ServiceFaitMissions.ailleurs)).statusCode()).isEqualTo(404);
        assertThat(chef.get(base + LIST + "abc").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void theDetailShowsTheConvenedOnlyAndTheLockedRowReadOnly() {
        String page = chef.get(mission(ServiceFaitMissions.ecrit)).body();
        assertThat(page).contains("ZZCSF-UN", "ZZCSF-DEUX", "ZZCSF-TROIS", "05 61 00 00 01", "Nombre de copies", "Candidats inscrits",
                        "Traité par gestionnaire", "name=\"quantite-" + ServiceFaitMissions.ecritBureau + "\"")
                .doesNotContain("ZZCSF-QUATRE", "name=\"quantite-" + ServiceFaitMissions.ecritVerrouille + "\"");
    }

    @Test
    @Order(3)
    void copiesAreBetweenZeroAnd999AndOneBadRowRefusesTheWholePage() {
        String page = mission(ServiceFaitMissions.ecrit);
        long bureau = ServiceFaitMissions.ecritBureau;
        long centre = ServiceFaitMissions.ecritCentre;
        save(chef, page, "action-" + bureau, "FAIT", "quantite-" + bureau, "999", "action-" + centre, "FAIT", "quantite-" + centre, "1000");
        String refused = chef.get(page).body();
        assertThat(refused).contains("n&#39;a pas été enregistré", "ZZCSF-DEUX Bernard : le nombre de copies « 1000 » doit être un nombre entier entre 0 et 999.",
                "aria-describedby=\"erreur-" + centre + "\"");
        assertThat(constats(bureau)).isZero();
        assertThat(constats(centre)).isZero();

        save(chef, page, "action-" + bureau, "FAIT", "quantite-" + bureau, "", "action-" + centre, "");
        assertThat(chef.get(page).body()).contains("le nombre de copies est obligatoire pour un service fait.");
        assertThat(constats(bureau)).isZero();

        save(chef, page, "action-" + bureau, "FAIT", "quantite-" + bureau, "999", "action-" + centre, "FAIT", "quantite-" + centre, "0");
        assertThat(chef.get(page).body()).contains("2 constats de service fait sont enregistrés.");
        assertThat(single("select nb_copies || ':' || fait || ':' || origine || ':' || candidats_inscrits from t_toulouse.service_fait where affectation_id = " + bureau))
                .isEqualTo("999:true:CENTRE:42");
        assertThat(frais(bureau)).isEqualTo("A_TRAITER:COPIES:999.00");
        assertThat(frais(centre)).isEqualTo("A_TRAITER:COPIES:0.00");
    }

    @Test
    @Order(4)
    void nonFaitNeedsAMotifAndCancelsTheExpenseAndAnnulerWithdrawsTheConstat() {
        String page = mission(ServiceFaitMissions.ecrit);
        long centre = ServiceFaitMissions.ecritCentre;
        save(chef, page, "action-" + centre, "NON_FAIT", "motif-" + centre, "  ");
        assertThat(chef.get(page).body()).contains("le motif du service non fait est obligatoire.");
        assertThat(frais(centre)).isEqualTo("A_TRAITER:COPIES:0.00");

        save(chef, page, "action-" + centre, "NON_FAIT", "motif-" + centre, "Absent pour maladie");
        assertThat(frais(centre)).isEqualTo("ANNULE::");
        assertThat(single("select fait || ':' || motif_non_fait from t_toulouse.service_fait where affectation_id = " + centre))
                .isEqualTo("false:Absent pour maladie");

        save(chef, page, "action-" + centre, "ANNULER");
        assertThat(constats(centre)).isZero();
        assertThat(frais(centre)).isEqualTo("aucun");
    }

    @Test
    @Order(5)
    void aProcessedExpensesRowIsRefusedAndUnchanged() {
        String page = mission(ServiceFaitMissions.ecrit);
        long locked = ServiceFaitMissions.ecritVerrouille;
        long bureau = ServiceFaitMissions.ecritBureau;
        for (String action : List.of("FAIT", "NON_FAIT", "ANNULER")) {
            save(chef, page, "action-" + locked, action, "quantite-" + locked, "30", "motif-" + locked, "x",
                    "action-" + bureau, "FAIT", "quantite-" + bureau, "5");
            assertThat(chef.get(page).body()).contains("ZZCSF-TROIS Claire : traité par gestionnaire.");
            assertThat(single("select nb_copies || ':' || fait from t_toulouse.service_fait where affectation_id = " + locked)).isEqualTo("25:true");
            assertThat(frais(locked)).isEqualTo("VALIDE:COPIES:25.00");
            // The whole page is refused: the other row keeps its 999.
            assertThat(frais(bureau)).isEqualTo("A_TRAITER:COPIES:999.00");
        }
        // The locked row sent as it is changes nothing, and is not refused.
        save(chef, page, "action-" + locked, "FAIT", "quantite-" + locked, "25");
        assertThat(chef.get(page).body()).contains("Aucune modification");
        // A row sent unchanged leaves its expense alone (a rejected one stays rejected until corrected).
        TestSql.execute("update t_toulouse.frais set statut = 'REJETE', motif = 'Pièce manquante' where affectation_id = " + bureau);
        save(chef, page, "action-" + bureau, "FAIT", "quantite-" + bureau, "999");
        assertThat(frais(bureau)).isEqualTo("REJETE:COPIES:999.00");
        save(chef, page, "action-" + bureau, "FAIT", "quantite-" + bureau, "998");
        assertThat(frais(bureau)).isEqualTo("A_TRAITER:COPIES:998.00");
    }

    @Test
    @Order(5)
    void aPostWithoutTheFormsTokenIsRefusedAndChangesNothing() {
        long bureau = ServiceFaitMissions.ecritBureau;
        String before = frais(bureau);
        HttpResponse<String> forged = chef.post(mission(ServiceFaitMissions.ecrit), Map.of("action-" + bureau, "ANNULER"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(frais(bureau)).isEqualTo(before);
        assertThat(constats(bureau)).isEqualTo(1);
    }

    @Test
    @Order(6)
    void theSecondGroupOralNeedsTheNumberOfCandidatesZeroAllowed() {
        String page = mission(ServiceFaitMissions.oral2);
        long a = ServiceFaitMissions.oral2Convoque;
        assertThat(chef.get(page).body()).contains("Oral 2nd groupe", "Nombre de candidats");
        save(chef, page, "action-" + a, "FAIT", "quantite-" + a, "");
        assertThat(chef.get(page).body()).contains("le nombre de candidats interrogés est obligatoire pour un oral du second groupe");
        assertThat(constats(a)).isZero();
        save(chef, page, "action-" + a, "FAIT", "quantite-" + a, "0");
        assertThat(frais(a)).isEqualTo("A_TRAITER:CANDIDATS:0.00");
        // Every convened person recorded: the mission is "constatée", hidden by default.
        assertThat(chef.get(page).body()).contains("Mission constatée");
    }

    @Test
    @Order(7)
    void surveillanceTakesHoursAndAJuryWithoutRemunerationNothing() {
        String page = mission(ServiceFaitMissions.surv);
        long a = ServiceFaitMissions.survConvoque;
        save(chef, page, "action-" + a, "FAIT", "quantite-" + a, "3,333");
        assertThat(chef.get(page).body()).contains("au plus deux décimales");
        save(chef, page, "action-" + a, "FAIT", "quantite-" + a, "7,5");
        assertThat(frais(a)).isEqualTo("A_TRAITER:HEURES:7.50");

        String juryPage = mission(ServiceFaitMissions.jury);
        long j = ServiceFaitMissions.juryConvoque;
        assertThat(chef.get(juryPage).body()).doesNotContain("name=\"quantite-" + j + "\"");
        save(chef, juryPage, "action-" + j, "FAIT");
        assertThat(constats(j)).isEqualTo(1);
        assertThat(frais(j)).isEqualTo("aucun");
    }

    @Test
    @Order(8)
    void aFutureMissionIsRefusedAndAPracticalOneTakesHoursOnceBegun() {
        long f = ServiceFaitMissions.futurConvoque;
        String futur = mission(ServiceFaitMissions.futur);
        assertThat(chef.get(futur).body()).contains("Mission non effectuée").doesNotContain("id=\"enregistrer\"");
        save(chef, futur, "action-" + f, "FAIT", "quantite-" + f, "10");
        assertThat(chef.get(futur).body()).contains("n&#39;est pas ouvert (Mission non effectuée)");
        assertThat(constats(f)).isZero();

        long p = ServiceFaitMissions.pratConvoque;
        String hours = mission(ServiceFaitMissions.prat) + "/" + p + "/horaires";
        String form = chef.get(hours).body();
        assertThat(form).contains("Mission commencée",
                "* Les dates en vert correspondent aux dates de mission. Renseignez les horaires pour les jours de présence.");
        String day = TODAY.minusDays(1).toString();
        save(chef, hours, "action", "FAIT", "matinDebut-" + day, "08:00", "matinFin-" + day, "12:00",
                "apresMidiDebut-" + day, "11:00", "apresMidiFin-" + day, "15:00");
        assertThat(chef.get(hours).body()).contains("l&#39;après-midi doit commencer après la fin du matin.");
        assertThat(constats(p)).isZero();
        save(chef, hours, "action", "FAIT", "matinDebut-" + day, "08:00", "matinFin-" + day, "12:00",
                "apresMidiDebut-" + day, "13h30", "apresMidiFin-" + day, "17:00", "matinDebut-" + TODAY, "9h", "matinFin-" + TODAY, "10h15");
        assertThat(frais(p)).isEqualTo("A_TRAITER:HEURES:8.75");
        assertThat(count("select count(*) from t_toulouse.service_fait_horaire where affectation_id = " + p)).isEqualTo(2);
        assertThat(chef.get(mission(ServiceFaitMissions.prat)).body()).contains("8,75");
        // An affectation of another mission is not reachable through this one.
        assertThat(chef.get(mission(ServiceFaitMissions.prat) + "/" + ServiceFaitMissions.ecritBureau + "/horaires").statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(9)
    void theConstatPdfAndTheListPdf() throws IOException {
        HttpResponse<byte[]> pdf = chef.download(mission(ServiceFaitMissions.ecrit) + "/constat.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text = text(pdf.body());
        assertThat(text).contains("Constat de service", "Mission : n° ZZCSF-ECRIT", "Nom Prénom", "Etablissement principal",
                "Cand. inscrits épreuve", "Rémunération", "ZZCSF-UN Anne", "Nombre de copies : 998", "OUI", "Page 1 / 1", "(0310038Y)");
        HttpResponse<byte[]> list = chef.download(base + LIST + "export.pdf?q=ZZCSF&filtre=1&annee=" + YEAR);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(text(list.body())).contains("ZZCSF-ECRIT", "Mission constatée");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    @Order(10)
    void theOfficeRecordsAnyCentresMissionThroughTheSameScreens() {
        long a = ServiceFaitMissions.ailleursConvoque;
        String page = base + OFFICE + "/" + ServiceFaitMissions.ailleurs;
        HttpResponse<String> search = gestionnaire.get(base + OFFICE + "?numero=ZZCSF-AILLEURS");
        assertThat(search.statusCode()).isEqualTo(302);
        assertThat(search.headers().firstValue("location")).hasValue(OFFICE + "/" + ServiceFaitMissions.ailleurs);
        assertThat(gestionnaire.get(page).body()).contains("ZZCSF-QUATRE", "Nombre de copies");
        save(gestionnaire, page, "action-" + a, "FAIT", "quantite-" + a, "1000");
        assertThat(gestionnaire.get(page).body()).contains("doit être un nombre entier entre 0 et 999.");
        save(gestionnaire, page, "action-" + a, "FAIT", "quantite-" + a, "12");
        assertThat(single("select origine || ':' || saisi_par from t_toulouse.service_fait where affectation_id = " + a))
                .isEqualTo("ACADEMIE:gest.toulouse");
        assertThat(frais(a)).isEqualTo("A_TRAITER:COPIES:12.00");
        // The chef d'établissement reaches neither the office's page nor its mission routes.
        assertThat(chef.get(base + OFFICE).statusCode()).isEqualTo(403);
        assertThat(chef.get(page).statusCode()).isEqualTo(403);
        assertThat(chef.submitPairs(mission(ServiceFaitMissions.ecrit), page, fields("action-" + a, "ANNULER")).statusCode()).isEqualTo(403);
        assertThat(constats(a)).isEqualTo(1);
        // The excluded missions stay out for the office too.
        assertThat(gestionnaire.get(base + OFFICE + "/" + ServiceFaitMissions.coec).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(11)
    void aSantorinFileWithOneBadLineChangesNothingAndListsEveryError() {
        String page = base + OFFICE;
        long oral = ServiceFaitMissions.oral2Convoque;
        String before = frais(oral);
        String bad = String.join("\n",
                "numero_mission;numen;service_fait;quantite;motif",
                "ZZCSF-ORAL2;ZZCSF-1;O;7;",
                "ZZCSF-ECRIT;ZZCSF-3;O;30;",
                "ZZCSF-ECRIT;ZZCSF-2;N;;",
                "ZZCSF-NULLE;ZZCSF-1;O;1;",
                "ZZCSF-ECRIT;ZZCSF-4;O;1;",
                "ZZCSF-ECRIT;ZZCSF-1;X;1;",
                "ZZCSF-COEC;ZZCSF-1;O;1;");
        gestionnaire.submitPairs(page, page + "/import", fields("contenu", bad));
        String answer = gestionnaire.get(page).body();
        assertThat(answer).contains("Le fichier n&#39;a pas été importé",
                "Ligne 5 : la mission n° ZZCSF-NULLE n&#39;existe pas",
                "Ligne 6 : le NUMEN ZZCSF-4 n&#39;est pas convoqué sur la mission n° ZZCSF-ECRIT.",
                "Ligne 7 : service_fait « X » doit valoir O (fait) ou N (non fait).",
                "Ligne 8 : la mission n° ZZCSF-COEC n&#39;est pas concernée par le constat de service fait",
                // The lines that read well are checked too: every error at once.
                "Ligne 3 (mission n° ZZCSF-ECRIT, ZZCSF-3) : traité par gestionnaire.",
                "Ligne 4 (mission n° ZZCSF-ECRIT, ZZCSF-2) : le motif du service non fait est obligatoire.");
        assertThat(frais(oral)).isEqualTo(before);

        // Lines that parse but break a rule: the locked expense and the missing motif, with their line.
        String rules = String.join("\n", "ZZCSF-ORAL2;ZZCSF-1;O;7;", "ZZCSF-ECRIT;ZZCSF-3;O;30;", "ZZCSF-ECRIT;ZZCSF-2;N;;");
        gestionnaire.submitPairs(page, page + "/import", fields("contenu", rules));
        assertThat(gestionnaire.get(page).body()).contains("Ligne 2 (mission n° ZZCSF-ECRIT, ZZCSF-3) : traité par gestionnaire.",
                "Ligne 3 (mission n° ZZCSF-ECRIT, ZZCSF-2) : le motif du service non fait est obligatoire.");
        assertThat(frais(oral)).isEqualTo(before);
        assertThat(frais(ServiceFaitMissions.ecritVerrouille)).isEqualTo("VALIDE:COPIES:25.00");
    }

    @Test
    @Order(12)
    void aGoodSantorinFileIsRecordedInOneGo() {
        String page = base + OFFICE;
        String good = "\uFEFFnumero_mission;numen;service_fait;quantite;motif\r\nZZCSF-ORAL2;ZZCSF-1;O;7;\r\nZZCSF-ECRIT;ZZCSF-2;N;;Absent\r\n";
        gestionnaire.submitPairs(page, page + "/import", fields("contenu", good));
        assertThat(gestionnaire.get(page).body()).contains("2 service(s) fait(s) de SANTORIN enregistré(s).");
        assertThat(frais(ServiceFaitMissions.oral2Convoque)).isEqualTo("A_TRAITER:CANDIDATS:7.00");
        assertThat(frais(ServiceFaitMissions.ecritCentre)).isEqualTo("ANNULE::");
        assertThat(single("select string_agg(origine, ',' order by affectation_id) from t_toulouse.service_fait where affectation_id in ("
                + ServiceFaitMissions.oral2Convoque + ", " + ServiceFaitMissions.ecritCentre + ")")).isEqualTo("SANTORIN,SANTORIN");
        // The centre sees who recorded it.
        assertThat(chef.get(mission(ServiceFaitMissions.oral2)).body()).contains("Reçu de SANTORIN");
    }
}
