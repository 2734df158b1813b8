package fr.education.imagin.affectation;

import com.microsoft.playwright.Page;
import fr.education.imagin.testkit.Axe;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.BrowserSession;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.education.imagin.testkit.TestSql.count;
import static fr.education.imagin.testkit.TestSql.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office's automatic affectation of an exam session of its own, through the routes. Two
 * people can do the épreuve and are free (one near the centre, one far); a third is competent
 * but unavailable, a fourth has no compétence, a fifth is contested by an establishment (I). The
 * missions: one needs two people on days 1-2, one has two commissions (day 1 and day 3, one
 * examiner each), one has no count: four places, of which three at most can be filled.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AffectationRoutesTest {

    private static final String HOME = "/toulouse/administration/affectation/";
    private static final int YEAR = LocalDate.now().getYear() + 1;
    private static final LocalDate DAY1 = LocalDate.of(YEAR, 6, 14);
    private static String base;
    private static long session;
    private static long near;
    private static long far;
    private static long unavailable;
    private static long incompetent;
    private static long contested;

    @BeforeAll
    static void arrange() {
        base = SharedPlatform.baseUrl();
        TestSql.inSchema("t_toulouse", st -> {
            st.execute("insert into etablissement (uai, nom, categorie, commune, centre_examen, latitude, longitude) values"
                    + " ('0319990U', 'LYCEE AFFECTATION CENTRE', 'LGT', 'TOULOUSE', true, 43.60, 1.44),"
                    + " ('0319991V', 'LYCEE AFFECTATION PROCHE', 'LGT', 'TOULOUSE', false, 43.61, 1.45),"
                    + " ('0319992W', 'LYCEE AFFECTATION LOIN', 'LGT', 'RODEZ', false, 44.35, 2.57)");
            st.execute("insert into examen (code, sigle, libelle, famille) values ('T83', 'TAF', 'EXAMEN AFFECTATION', 'AUTRE')");
            session = single(st, "insert into session_examen (examen_code, annee, libelle) values ('T83', " + YEAR
                    + ", 'T83, TAF, " + YEAR + "') returning id");
            long specialite = single(st, "insert into specialite (examen_code, code, libelle) values ('T83', 'S1', 'SPE') returning id");
            long epreuve = single(st, "insert into epreuve_option (specialite_id, code, libelle) values (" + specialite
                    + ", 'E-AF', 'EPREUVE AFFECTATION') returning id");
            mission(st, "AFFECT-1", epreuve, DAY1, DAY1.plusDays(1), "2");
            long m2 = mission(st, "AFFECT-2", epreuve, DAY1, DAY1.plusDays(2), "null");
            mission(st, "AFFECT-3", epreuve, DAY1, DAY1, "null");
            long ca = single(st, "insert into commission (mission_id, code) values (" + m2 + ", 'CA') returning id");
            long cb = single(st, "insert into commission (mission_id, code) values (" + m2 + ", 'CB') returning id");
            st.execute("insert into commission_jour (commission_id, jour) values (" + ca + ", date '" + DAY1 + "'), (" + cb
                    + ", date '" + DAY1.plusDays(2) + "')");
            near = person(st, "PROCHE", "0319991V", epreuve, "C");
            far = person(st, "LOIN", "0319992W", epreuve, "C");
            unavailable = person(st, "INDISPONIBLE", "0319991V", epreuve, "C");
            incompetent = person(st, "INCOMPETENT", "0319991V", null, null);
            contested = person(st, "CONTESTE", "0319991V", epreuve, "C");
            st.execute("insert into competence_auteur (personnel_id, epreuve_option_id, auteur, type_auteur, avis) values ("
                    + contested + ", " + epreuve + ", '0319991V', 'ETABLISSEMENT', 'I')");
            st.execute("insert into indisponibilite (personnel_id, debut, fin, motif, origine) values (" + unavailable
                    + ", timestamp '" + DAY1 + " 00:00', timestamp '" + DAY1.plusDays(3) + " 00:00', 'Stage', 'GESTIONNAIRE')");
        });
    }

    private static Browser office() {
        Browser office = new Browser();
        assertThat(office.login(base, "toulouse", "gest.toulouse", "imagin-demo").statusCode()).isEqualTo(302);
        return office;
    }

    private static String sessionPage() {
        return base + HOME + "sessions/" + session;
    }

    private static long latestRun() {
        return count("select coalesce(max(id), 0) from t_toulouse.affectation_calcul where session_id = " + session);
    }

    private static String waitForTheEnd(Browser office) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            String etat = office.get(sessionPage() + "/etat").body();
            if (!etat.contains("\"EN_COURS\"")) {
                return etat;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the run did not end within a minute");
    }

    @Test
    @Order(1)
    void theOfficeRunsTheSessionsAffectationAndAcceptsPartOfTheProposal() throws Exception {
        Browser office = office();
        String page = office.get(sessionPage()).body().replaceAll("\\s+", " ");
        assertThat(page).contains("Affectation automatique : T83, TAF, " + YEAR)
                .contains("<dd id=\"places-a-pourvoir\">4</dd>").contains("Missions sans nombre d'intervenants requis</dt><dd>1");
        assertThat(office.get(base + HOME).body()).contains("T83, TAF, " + YEAR);

        assertThat(office.submit(sessionPage(), sessionPage() + "/lancer", Map.of()).statusCode()).isEqualTo(302);
        assertThat(waitForTheEnd(office)).contains("\"TERMINE\"");
        long run = latestRun();
        page = office.get(sessionPage()).body().replaceAll("\\s+", " ");
        assertThat(page).contains("3 places pourvues sur 4").contains("Toutes les contraintes impératives sont respectées");

        // Only the two competent, free people are proposed; each at most once per day.
        assertThat(count("select count(*) from t_toulouse.affectation_proposition where calcul_id = " + run)).isEqualTo(4);
        assertThat(count("select count(*) from t_toulouse.affectation_proposition where calcul_id = " + run
                + " and personnel_id in (" + unavailable + ", " + incompetent + ", " + contested + ")")).isZero();
        assertThat(count("select count(distinct personnel_id) from t_toulouse.affectation_proposition where calcul_id = " + run
                + " and personnel_id is not null")).isEqualTo(2);
        assertThat(count("select count(*) from t_toulouse.affectation_proposition p join t_toulouse.mission m on m.id = p.mission_id"
                + " where calcul_id = " + run + " and m.numero = 'AFFECT-1' and personnel_id = " + near)).as("the nearest on the two-day mission")
                .isEqualTo(count("select count(*) from t_toulouse.affectation_proposition p join t_toulouse.mission m on m.id = p.mission_id"
                + " where calcul_id = " + run + " and m.numero = 'AFFECT-1' and personnel_id = " + far));
        assertThat(page).containsPattern("AFFECTATION PROCHE</td><td>\\d km</td>");
        assertThat(count("select count(*) from t_toulouse.affectation a join t_toulouse.mission m on m.id = a.mission_id"
                + " where m.session_id = " + session)).as("nothing designated before acceptance").isZero();

        // Accept one place: one designation, "Affectée" by the académie, audited.
        long poste = count("select min(poste) from t_toulouse.affectation_proposition where calcul_id = " + run + " and personnel_id is not null");
        HttpResponse<String> accepted = office.submitPairs(sessionPage(), sessionPage() + "/calculs/" + run + "/accepter",
                List.of(Map.entry("choix", "selection"), Map.entry("poste", String.valueOf(poste))));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(office.get(sessionPage()).body()).contains("1 personne est désignée");
        assertThat(count("select count(*) from t_toulouse.affectation a join t_toulouse.mission m on m.id = a.mission_id"
                + " where m.session_id = " + session + " and a.statut = 'AFFECTEE' and a.auteur = 'ACADEMIE'")).isEqualTo(1);
        assertThat(count("select count(*) from platform.audit where action = 'AFFECTATION_ACCEPTEE' and detail = 'calcul=" + run
                + " designations=1'")).isEqualTo(1);
        assertThat(count("select count(*) from t_toulouse.affectation_proposition where calcul_id = " + run
                + " and acceptee_le is not null")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aProposalThatNoLongerHoldsIsRefusedWhole() {
        Browser office = office();
        long run = latestRun();
        long designated = count("select count(*) from t_toulouse.affectation");
        // The far person becomes unavailable on every day of the session after the run.
        TestSql.execute("insert into t_toulouse.indisponibilite (personnel_id, debut, fin, motif, origine) values (" + far
                + ", timestamp '" + DAY1 + " 00:00', timestamp '" + DAY1.plusDays(3) + " 00:00', 'Formation', 'GESTIONNAIRE')");
        office.submit(sessionPage(), sessionPage() + "/calculs/" + run + "/accepter", Map.of("choix", "tout"));
        assertThat(office.get(sessionPage()).body()).contains("Rien n&#39;a été enregistré.").contains("plus disponible à ces dates");
        assertThat(count("select count(*) from t_toulouse.affectation")).isEqualTo(designated);
        assertThat(count("select count(*) from t_toulouse.affectation_proposition where calcul_id = " + run
                + " and acceptee_le is not null")).isEqualTo(1);
        // Nothing selected: said, nothing written.
        office.submit(sessionPage(), sessionPage() + "/calculs/" + run + "/accepter", Map.of("choix", "selection"));
        assertThat(office.get(sessionPage()).body()).contains("Sélectionnez au moins une proposition à accepter");
    }

    @Test
    @Order(3)
    void aRunCanBeStoppedAndTheNextRunKeepsWhatIsDesignated() throws Exception {
        Browser office = office();
        office.submit(sessionPage(), sessionPage() + "/lancer", Map.of());
        long run = latestRun();
        // A second launch while it runs is refused.
        office.submit(sessionPage(), sessionPage() + "/lancer", Map.of());
        assertThat(latestRun()).isEqualTo(run);
        office.submit(sessionPage(), sessionPage() + "/calculs/" + run + "/arreter", Map.of());
        assertThat(waitForTheEnd(office)).contains("\"ARRETE\"");
        assertThat(office.get(sessionPage()).body()).contains("Dernier calcul : Arrêté");
        // The designated person holds a seat: three places left, and the unavailable far person is no candidate.
        assertThat(count("select postes from t_toulouse.affectation_calcul where id = " + run)).isEqualTo(3);
        assertThat(count("select count(*) from t_toulouse.affectation_proposition where calcul_id = " + run
                + " and personnel_id = " + far)).isZero();
    }

    @Test
    @Order(4)
    void aMissionsProposalsRankTheFreeAndNearFirstAndDesignateWithTheSameChecks() {
        Browser office = office();
        // A mission of its own, later in the month: the near and far people are free then, the third is not.
        long[] created = new long[1];
        TestSql.inSchema("t_toulouse", st -> {
            long epreuve = single(st, "select id from epreuve_option where code = 'E-AF'");
            created[0] = mission(st, "AFFECT-4", epreuve, DAY1.plusDays(8), DAY1.plusDays(8), "1");
            st.execute("insert into indisponibilite (personnel_id, debut, fin, motif, origine) values (" + unavailable
                    + ", timestamp '" + DAY1.plusDays(8) + " 08:00', timestamp '" + DAY1.plusDays(8) + " 12:00', 'Jury', 'GESTIONNAIRE')");
        });
        long m3 = created[0];
        long commissionOfAnother = count("select min(c.id) from t_toulouse.commission c join t_toulouse.mission m on m.id = c.mission_id"
                + " where m.numero = 'AFFECT-2'");
        String url = base + HOME + "missions/" + m3;
        assertThat(office.get(base + "/toulouse/administration/missions/" + m3).body()).contains(HOME + "missions/" + m3);
        String page = office.get(url).body().replaceAll("\\s+", " ");
        // Competent people only (not the incompetent one, not the contested one), the free one first.
        assertThat(page).contains("Propositions d'intervenants : mission n° AFFECT-4")
                .doesNotContain("AFFECTATION-INCOMPETENT").doesNotContain("AFFECTATION-CONTESTE");
        assertThat(page.indexOf("AFFECTATION-PROCHE")).isPositive().isLessThan(page.indexOf("AFFECTATION-LOIN"));
        assertThat(page.indexOf("AFFECTATION-LOIN")).isLessThan(page.indexOf("AFFECTATION-INDISPONIBLE"));
        assertThat(page).containsPattern("AFFECTATION-INDISPONIBLE Test</td><td>0319991V</td><td>\\d km</td><td>0</td> ?<td>Indisponible");

        long before = count("select count(*) from t_toulouse.affectation where mission_id = " + m3);
        office.submitPairs(url, url, List.of(Map.entry("personnel", String.valueOf(near)), Map.entry("personnel", String.valueOf(unavailable))));
        assertThat(office.get(url).body()).contains("AFFECTATION-INDISPONIBLE Test n&#39;est plus disponible");
        office.submitPairs(url, url, List.of(Map.entry("personnel", String.valueOf(near)),
                Map.entry("commission", String.valueOf(commissionOfAnother))));
        assertThat(office.get(url).body()).contains("n&#39;est pas une commission de la mission");
        assertThat(count("select count(*) from t_toulouse.affectation where mission_id = " + m3)).isEqualTo(before);

        office.submitPairs(url, url, List.of(Map.entry("personnel", String.valueOf(near))));
        assertThat(office.get(url).body()).contains("1 personne est désignée").doesNotContain("AFFECTATION-PROCHE Test</td>");
        assertThat(count("select count(*) from t_toulouse.affectation where mission_id = " + m3 + " and personnel_id = " + near
                + " and statut = 'AFFECTEE' and auteur = 'ACADEMIE' and qualite = 'Examinateur'")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void theOfficeSetsTheCountOfEveryMissionWithoutOneAtOnce() {
        Browser office = office();
        office.submit(sessionPage(), sessionPage() + "/besoins", Map.of("candidatsParIntervenant", "0"));
        assertThat(office.get(sessionPage()).body()).contains("doit être un nombre entier de 1 à 9999 : rien n&#39;a été modifié");
        assertThat(count("select count(*) from t_toulouse.mission where session_id = " + session + " and intervenants_requis is null"))
                .isEqualTo(2);
        TestSql.execute("update t_toulouse.mission set candidats_attendus = 25 where numero = 'AFFECT-3'");
        office.submit(sessionPage(), sessionPage() + "/besoins", Map.of("candidatsParIntervenant", "10"));
        assertThat(office.get(sessionPage()).body()).contains("1 mission a désormais un nombre d&#39;intervenants requis");
        // 25 candidates, one person per 10: three; the count set by hand and the commissions' mission are left alone.
        assertThat(count("select intervenants_requis from t_toulouse.mission where numero = 'AFFECT-3'")).isEqualTo(3);
        assertThat(count("select intervenants_requis from t_toulouse.mission where numero = 'AFFECT-1'")).isEqualTo(2);
        assertThat(count("select count(*) from t_toulouse.mission where numero = 'AFFECT-2' and intervenants_requis is null")).isEqualTo(1);
        assertThat(count("select count(*) from platform.audit where action = 'MISSIONS_BESOIN_FIXE' and detail like 'session=" + session
                + " %missions=1'")).isEqualTo(1);
    }

    @Test
    @Order(6)
    void theOfficeOpensTheSessionToConvocationsAndNobodyConvenesBefore() {
        Browser office = office();
        long mission = count("select id from t_toulouse.mission where numero = 'AFFECT-4'");
        String missionPage = base + "/toulouse/administration/missions/" + mission;
        office.submit(sessionPage(), sessionPage() + "/convocation", Map.of("ouverte", "non"));
        assertThat(office.get(sessionPage()).body()).contains("fermée à la convocation").contains("Ouvrir la session à la convocation");
        Map<String, String> convene = Map.of("affectation", String.valueOf(count("select id from t_toulouse.affectation where mission_id = "
                + mission)), "heureDebut", "08:00", "heureFin", "12:00", "confirmer", "1");
        assertThat(office.submit(missionPage, missionPage + "/convoquer", convene).body())
                .contains("n&#39;est pas encore ouverte à la convocation");
        assertThat(count("select count(*) from t_toulouse.affectation where mission_id = " + mission + " and statut = 'AFFECTEE'"))
                .isEqualTo(1);

        office.submit(sessionPage(), sessionPage() + "/convocation", Map.of("ouverte", "oui"));
        assertThat(office.get(sessionPage()).body()).contains("ouverte à la convocation");
        office.submit(missionPage, missionPage + "/convoquer", convene);
        assertThat(count("select count(*) from t_toulouse.affectation where mission_id = " + mission + " and statut = 'CONVOQUEE'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from platform.audit where action in ('SESSION_CONVOCATION_OUVERTE', 'SESSION_CONVOCATION_FERMEE')"
                + " and detail = 'session=" + session + "'")).isEqualTo(2);
    }

    @Test
    @Order(7)
    void aChefDEtablissementIsRefused() {
        Browser chef = new Browser();
        assertThat(chef.login(base, "toulouse", "ce.0310038y", "imagin-demo").statusCode()).isEqualTo(302);
        assertThat(chef.get(base + HOME).statusCode()).isEqualTo(403);
        assertThat(chef.get(sessionPage()).statusCode()).isEqualTo(403);
        long runs = count("select count(*) from t_toulouse.affectation_calcul");
        assertThat(chef.submit(base + "/toulouse/", sessionPage() + "/lancer", Map.of()).statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from t_toulouse.affectation_calcul")).isEqualTo(runs);
        chef.quit(base, "toulouse");
    }

    @Test
    @Order(8)
    void theScreensPassAxe() {
        try (BrowserSession browser = BrowserSession.open(base)) {
            Page page = browser.login("toulouse", "gest.toulouse");
            browser.go(HOME);
            assertThat(page.locator("h1")).hasText("Affectation automatique");
            Axe.assertNoViolations(page);
            page.locator("a", new Page.LocatorOptions().setHasText("T83, TAF, " + YEAR)).click();
            assertThat(page.locator("#calcul-resultat")).isVisible();
            Axe.assertNoViolations(page);
            browser.screenshot("80-affectation-automatique");
            browser.go(HOME + "missions/" + count("select id from t_toulouse.mission where numero = 'AFFECT-1'"));
            assertThat(page.locator("h1")).containsText("Propositions d'intervenants");
            Axe.assertNoViolations(page);
            page.goBack();
            page.locator("#lancer").click();
            // The page follows the run and shows the new proposal once it is over.
            assertThat(page.locator("#calcul-resultat")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                    .IsVisibleOptions().setTimeout(60_000));
            Axe.assertNoViolations(page);
            browser.closeExpectingCleanConsole();
        }
    }

    private static long mission(Statement st, String numero, long epreuve, LocalDate debut, LocalDate fin, String requis) throws SQLException {
        return single(st, """
                insert into mission (numero, type_code, session_id, epreuve_option_id, centre_uai, date_debut, date_fin, intervenants_requis)
                values ('%s', (select code from type_mission where remuneration = 'ORAL' order by code limit 1), %d, %d, '0319990U',
                        date '%s', date '%s', %s)
                returning id""".formatted(numero, session, epreuve, debut, fin, requis));
    }

    private static long person(Statement st, String nom, String uai, Long epreuve, String avis) throws SQLException {
        long id = single(st, """
                insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                values ('AFFECT-%s', 'Mme', 'AFFECTATION-%s', 'Test', date '1980-01-01', 'LETTRES') returning id""".formatted(nom, nom));
        st.execute("insert into lieu_exercice (personnel_id, uai, principal) values (" + id + ", '" + uai + "', true)");
        if (epreuve != null) {
            st.execute("insert into competence_auteur (personnel_id, epreuve_option_id, auteur, type_auteur, avis) values ("
                    + id + ", " + epreuve + ", 'SYS', 'SYS', '" + avis + "')");
        }
        return id;
    }
}
