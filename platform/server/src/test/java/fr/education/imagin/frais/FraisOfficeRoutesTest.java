package fr.education.imagin.frais;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.education.imagin.frais.FraisFixture.affectations;
import static fr.education.imagin.frais.FraisFixture.personnes;
import static fr.education.imagin.frais.FraisFixture.statut;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The academy office's side of the expenses (GEST-3) over HTTP against the real platform and
 * PostgreSQL: the sessions and their counts, a session's expenses with filters and keyword, each
 * action and its refusals, the all-or-nothing rule, the effects the other activities read (CSF
 * lock through the CSF routes, correction after a rejection, ICC suivi), the payment CSV, the
 * ICC rates screen, and the refusal of every new route to a chef d'établissement.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FraisOfficeRoutesTest {

    private static final String OFFICE = "/toulouse/administration/frais";
    private static final String NBSP_EURO = "\u00A0€";

    private static String base;
    private static Browser chef;
    private static Browser gestionnaire;

    @BeforeAll
    static void signIn() {
        base = SharedPlatform.baseUrl();
        FraisFixture.create();
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

    private static String list() {
        return base + OFFICE + "/sessions/" + FraisFixture.session + "/";
    }

    private static String csf() {
        return base + "/toulouse/service-fait/" + FraisFixture.ecrit;
    }

    /** A page's text with the entities the templates escape read back. */
    private static String page(Browser who, String url) {
        HttpResponse<String> response = who.get(url);
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return unescape(response.body());
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static List<Map.Entry<String, String>> fields(Object... pairs) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(Map.entry(String.valueOf(pairs[i]), String.valueOf(pairs[i + 1])));
        }
        return list;
    }

    /** Posts an action on the ticked expenses and returns the list page that follows, console included. */
    private static String act(String action, String motif, long... frais) {
        List<Map.Entry<String, String>> form = fields("action", action, "motif", motif);
        for (long id : frais) {
            form.add(Map.entry("frais", String.valueOf(id)));
        }
        HttpResponse<String> answer = gestionnaire.submitPairs(list(), list() + "actions", form);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("location")).hasValue(OFFICE + "/sessions/" + FraisFixture.session + "/");
        return page(gestionnaire, list());
    }

    private static HttpResponse<String> csfSave(Object... pairs) {
        return chef.submitPairs(csf(), csf(), fields(pairs));
    }

    @Test
    @Order(1)
    void theCentresConstatCreatesTheExpensesTheOfficeSees() {
        csfSave("action-" + affectations[0], "FAIT", "quantite-" + affectations[0], "120",
                "action-" + affectations[1], "FAIT", "quantite-" + affectations[1], "30",
                "action-" + affectations[2], "FAIT", "quantite-" + affectations[2], "12",
                "action-" + affectations[3], "NON_FAIT", "motif-" + affectations[3], "Absent");
        assertThat(statut(FraisFixture.remuneration(affectations[0]))).isEqualTo("A_TRAITER::");
        assertThat(statut(FraisFixture.remuneration(affectations[3]))).isEqualTo("ANNULE:Service non fait : Absent:");

        // The sessions page: the fixture's session with 6 À traiter (4 remunerations, 2 ICC lines) and 1 Annulé.
        String sessions = page(gestionnaire, base + OFFICE);
        assertThat(sessions).contains("États de frais", OFFICE + "/sessions/" + FraisFixture.session + "/", OFFICE + "/taux");
        assertThat(page(gestionnaire, base + "/toulouse/")).contains(OFFICE + "\">États de frais", OFFICE + "/taux\">Taux des indemnités");
        String row = sessions.substring(sessions.indexOf(FraisFixture.SESSION_LIBELLE));
        row = row.substring(0, row.indexOf("</tr>")).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        assertThat(row).isEqualTo(FraisFixture.SESSION_LIBELLE + " ZZF " + FraisFixture.YEAR + " 6 0 0 0 1");
    }

    @Test
    @Order(2)
    void theListShowsEachExpenseWithItsServiceOrAmountAndFilters() {
        String all = page(gestionnaire, list());
        assertThat(all).contains("États de frais - " + FraisFixture.SESSION_LIBELLE, "Frais de la session (7 lignes)",
                "Rémunération CSF", "Indemnité chef de centre", "ZZFRA-ECRIT - ", "0310038Y - ",
                "120 copies", "30 copies", "4,5 heures", "1268,00" + NBSP_EURO, "69,74" + NBSP_EURO,
                "À traiter", "Annulé", "Service non fait : Absent", "=ZZFRA-FORMULE",
                "name=\"frais\" value=\"" + FraisFixture.icc(personnes[0]) + "\" form=\"frais-actions\"",
                "Valider", "Rejeter", "Marquer payé", "Remettre à traiter");
        assertThat(page(gestionnaire, list() + "?statut=ANNULE")).contains("(1 ligne)", "ZZFRA-QUATRE").doesNotContain("120 copies");
        assertThat(page(gestionnaire, list() + "?nature=ICC")).contains("(2 lignes)", "1268,00" + NBSP_EURO).doesNotContain("copies");
        // Keyword on NUMEN, on the mission number, on the name.
        assertThat(page(gestionnaire, list() + "?q=ZZFRA-2")).contains("(2 lignes)", "ZZFRA-DEUX");
        assertThat(page(gestionnaire, list() + "?q=ZZFRA-SURV")).contains("(1 ligne)", "4,5 heures");
        assertThat(page(gestionnaire, list() + "?q=formule")).contains("(1 ligne)", "12 copies");
        for (String column : List.of("nature", "nom", "numen", "objet", "service", "statut", "traiteLe")) {
            assertThat(gestionnaire.get(list() + "?tri=" + column + "&sens=desc").statusCode()).as(column).isEqualTo(200);
        }
        assertThat(page(gestionnaire, list() + "?statut=PERDU")).contains("Le statut « PERDU » n'existe pas");
        // The list's own exports come with the list mechanism.
        HttpResponse<byte[]> csv = gestionnaire.download(list() + "export.csv?nature=ICC");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("Nature;Nom;Prénom;NUMEN", "1268,00" + NBSP_EURO);
        HttpResponse<byte[]> pdf = gestionnaire.download(list() + "export.pdf?statut=A_TRAITER");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("content-type")).hasValue("application/pdf");
        // Unknown or malformed sessions.
        assertThat(gestionnaire.get(base + OFFICE + "/sessions/999999999/").statusCode()).isEqualTo(404);
        assertThat(gestionnaire.get(base + OFFICE + "/sessions/abc/").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void aRejectionNeedsAMotifAndAnEmptySelectionNothing() {
        long anne = FraisFixture.remuneration(affectations[0]);
        assertThat(act("REJETER", "  ", anne)).contains("Le motif du rejet est obligatoire : aucun frais n'a été rejeté.");
        assertThat(statut(anne)).isEqualTo("A_TRAITER::");
        assertThat(act("VALIDER", "")).contains("Aucune ligne n'est sélectionnée");
        assertThat(act("DETRUIRE", "", anne)).contains("Demande invalide : aucun frais n'a été traité.");
        assertThat(statut(anne)).isEqualTo("A_TRAITER::");
    }

    @Test
    @Order(4)
    void aMixedSelectionChangesNothingAndNamesTheLinesRefused() {
        long anne = FraisFixture.remuneration(affectations[0]);
        long annule = FraisFixture.remuneration(affectations[3]);
        String answer = act("VALIDER", "", anne, annule);
        assertThat(answer).contains("« Valider » n'est possible que pour des frais À traiter ou Rejeté : aucun frais n'a été traité.",
                "ZZFRA-QUATRE Didier (rémunération ZZFRA-ECRIT) : Annulé");
        assertThat(statut(anne)).isEqualTo("A_TRAITER::");
        assertThat(statut(annule)).startsWith("ANNULE:");
        // An id that is not one of this session's expenses.
        assertThat(act("VALIDER", "", anne, 999_999_999L)).contains("ne sont pas des frais de cette session");
        assertThat(statut(anne)).isEqualTo("A_TRAITER::");
    }

    @Test
    @Order(5)
    void validatingLocksTheCentresConstatAndMovesTheIccSuivi() {
        long anne = FraisFixture.remuneration(affectations[0]);
        long formule = FraisFixture.remuneration(affectations[2]);
        long icc1 = FraisFixture.icc(personnes[0]);
        long icc2 = FraisFixture.icc(personnes[1]);
        assertThat(FraisFixture.suivi()).isEqualTo("INITIALISE");
        long audits = TestSql.count("select count(*) from platform.audit where action = 'FRAIS_VALIDER' and actor = 'gest.toulouse'");
        assertThat(act("VALIDER", "", anne, formule, icc1, icc2)).contains("4 frais validés.");
        assertThat(statut(anne)).isEqualTo("VALIDE::gest.toulouse");
        assertThat(TestSql.count("select count(*) from t_toulouse.frais where id = " + anne + " and traite_le > now() - interval '1 minute'"))
                .isEqualTo(1);
        assertThat(TestSql.count("select count(*) from platform.audit where action = 'FRAIS_VALIDER' and actor = 'gest.toulouse'"))
                .isEqualTo(audits + 1);
        assertThat(FraisFixture.suivi()).isEqualTo("VALIDE");

        // The centre's CSF shows the lock and refuses any change to the row.
        String constat = page(chef, csf());
        assertThat(constat).contains("Traité par gestionnaire").doesNotContain("name=\"quantite-" + affectations[0] + "\"");
        csfSave("action-" + affectations[0], "FAIT", "quantite-" + affectations[0], "121");
        assertThat(page(chef, csf())).contains("ZZFRA-UN Anne : traité par gestionnaire.");
        assertThat(statut(anne)).isEqualTo("VALIDE::gest.toulouse");
        assertThat(TestSql.count("select quantite from t_toulouse.frais where id = " + anne)).isEqualTo(120);
    }

    @Test
    @Order(6)
    void aRejectionLetsTheCentreCorrectAndTheIccSuiviShowsIt() {
        long bernard = FraisFixture.remuneration(affectations[1]);
        long icc2 = FraisFixture.icc(personnes[1]);
        assertThat(act("REJETER", "Nombre de copies à vérifier", bernard, icc2)).contains("2 frais rejetés.");
        assertThat(statut(bernard)).isEqualTo("REJETE:Nombre de copies à vérifier:gest.toulouse");
        assertThat(FraisFixture.suivi()).isEqualTo("REJETE");
        assertThat(page(gestionnaire, list() + "?statut=REJETE")).contains("(2 lignes)", "Nombre de copies à vérifier");

        // The centre corrects it: a new service fait puts it back to À traiter.
        csfSave("action-" + affectations[1], "FAIT", "quantite-" + affectations[1], "31");
        assertThat(statut(bernard)).isEqualTo("A_TRAITER::");
        assertThat(TestSql.count("select quantite from t_toulouse.frais where id = " + bernard)).isEqualTo(31);

        // The rejected ICC line is put back, then validated again.
        assertThat(act("REMETTRE", "", icc2)).contains("1 frais remis à traiter.");
        assertThat(statut(icc2)).isEqualTo("A_TRAITER::gest.toulouse");
        assertThat(FraisFixture.suivi()).isEqualTo("INITIALISE");
        act("VALIDER", "", icc2);
        assertThat(FraisFixture.suivi()).isEqualTo("VALIDE");
    }

    @Test
    @Order(7)
    void paidOnlyFromValidatedAndPaidIsFinal() {
        long bernard = FraisFixture.remuneration(affectations[1]);
        long anne = FraisFixture.remuneration(affectations[0]);
        long icc1 = FraisFixture.icc(personnes[0]);
        long icc2 = FraisFixture.icc(personnes[1]);
        assertThat(act("PAYER", "", bernard, anne)).contains("« Marquer payé » n'est possible que pour des frais Validé",
                "ZZFRA-DEUX Bernard (rémunération ZZFRA-ECRIT) : À traiter").doesNotContain("ZZFRA-UN Anne (rémunération ZZFRA-ECRIT) : Validé");
        assertThat(statut(anne)).isEqualTo("VALIDE::gest.toulouse");

        assertThat(act("PAYER", "", icc1, icc2)).contains("2 frais marqués payés.");
        assertThat(FraisFixture.suivi()).isEqualTo("ACCEPTE");
        assertThat(act("REMETTRE", "", icc1)).contains("« Remettre à traiter » n'est possible que pour des frais Validé ou Rejeté",
                "ZZFRA-UN Anne (indemnité chef de centre) : Payé");
        assertThat(act("REJETER", "Trop tard", icc1)).contains("n'est possible que pour des frais À traiter ou Validé");
        assertThat(statut(icc1)).isEqualTo("PAYE::gest.toulouse");
        assertThat(FraisFixture.suivi()).isEqualTo("ACCEPTE");
    }

    @Test
    @Order(8)
    void thePaymentExportHoldsTheValidatedExpensesWithFormulasNeutralised() {
        HttpResponse<byte[]> file = gestionnaire.download(list() + "paiement.csv");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("content-type")).hasValue("text/csv; charset=utf-8");
        assertThat(file.headers().firstValue("content-disposition").orElseThrow()).contains("frais-valides_toulouse_session-");
        String csv = new String(file.body(), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFFnature;numen;nom;prenom;session;mission_centre;unite;quantite;montant;statut;valide_par;valide_le");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("REMUNERATION;ZZFRA-3;'=ZZFRA-FORMULE;Claire;ZZF-" + FraisFixture.YEAR + ";ZZFRA-ECRIT;COPIES;12;;VALIDE;gest.toulouse;")
                .matches(".*;\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        assertThat(lines[2]).startsWith("REMUNERATION;ZZFRA-1;ZZFRA-UN;Anne;ZZF-" + FraisFixture.YEAR + ";ZZFRA-ECRIT;COPIES;120;;VALIDE;");

        String withPaid = new String(gestionnaire.download(list() + "paiement.csv?payes=1").body(), StandardCharsets.UTF_8);
        assertThat(withPaid.split("\r\n")).hasSize(5).anySatisfy(line -> assertThat(line)
                .startsWith("ICC;ZZFRA-1;ZZFRA-UN;Anne;ZZF-" + FraisFixture.YEAR + ";0310038Y-NORMALE;;;1268,00;PAYE;gest.toulouse;"));
        assertThat(page(gestionnaire, list())).contains("paiement.csv\" download", "paiement.csv?payes=1\" download");
    }

    @Test
    @Order(9)
    void theRatesScreenShowsTheDecreeDefaultsAndSetsTheAcademiesRate() {
        String rates = base + OFFICE + "/taux";
        String before = page(gestionnaire, rates + "?annee=2031");
        assertThat(before).contains("Taux des indemnités des chefs de centre", "Baccalauréat", "(BAC)", "De 1 à 600 candidats",
                "173,00" + NBSP_EURO, "230,00" + NBSP_EURO, "Plus de 100 candidats", "150,00" + NBSP_EURO, "Non configuré",
                "Aucun : à configurer", "<option value=\"2031\" selected>");
        assertThat(page(gestionnaire, rates)).contains("<option value=\"" + java.time.LocalDate.now().getYear() + "\" selected>");

        gestionnaire.submitPairs(rates, rates, fields("scheme", "BAC", "tranche", "JUSQUA_600", "annee", "2031", "taux", "abc"));
        assertThat(page(gestionnaire, rates + "?annee=2031")).contains("n'est pas un nombre", "Aucun taux n'a été modifié.");
        gestionnaire.submitPairs(rates, rates, fields("scheme", "BAC", "tranche", "JUSQUA_600", "annee", "2031", "taux", "12,345"));
        assertThat(page(gestionnaire, rates + "?annee=2031")).contains("invalide (montant positif, deux décimales au plus). Aucun taux n'a été modifié.");
        gestionnaire.submitPairs(rates, rates, fields("scheme", "BAC", "tranche", "INCONNUE", "annee", "2031", "taux", "10"));
        assertThat(page(gestionnaire, rates + "?annee=2031")).contains("Le barème BAC n'a pas de tranche « INCONNUE ».");
        gestionnaire.submitPairs(rates, rates, fields("scheme", "BAC", "tranche", "JUSQUA_600", "annee", "31", "taux", "10"));
        assertThat(page(gestionnaire, rates)).contains("L'année de session « 31 » n'est pas valide.");
        assertThat(TestSql.count("select count(*) from t_toulouse.icc_taux where annee = 2031")).isZero();

        HttpResponse<String> saved = gestionnaire.submitPairs(rates, rates,
                fields("scheme", "BAC", "tranche", "JUSQUA_600", "annee", "2031", "taux", "180,5"));
        assertThat(saved.headers().firstValue("location")).hasValue(OFFICE + "/taux?annee=2031");
        assertThat(page(gestionnaire, rates + "?annee=2031")).contains("180,50" + NBSP_EURO, "value=\"180,50\"",
                "enregistré : 180,50" + NBSP_EURO);
        assertThat(FraisFixture.text("select taux_journalier::text from icc_taux where scheme = 'BAC' and annee = 2031 and tranche_code = 'JUSQUA_600'"))
                .isEqualTo("180.50");
        // Another year keeps the decree's default.
        assertThat(page(gestionnaire, rates + "?annee=2030")).doesNotContain("value=\"180,50\"");
    }

    @Test
    @Order(10)
    void aChefDEtablissementIsRefusedEveryRouteAndAForgedPostChangesNothing() {
        long anne = FraisFixture.remuneration(affectations[0]);
        for (String url : List.of(base + OFFICE, list(), list() + "export.csv", list() + "export.pdf", list() + "paiement.csv",
                base + OFFICE + "/taux")) {
            assertThat(chef.get(url).statusCode()).as(url).isEqualTo(403);
        }
        assertThat(chef.submitPairs(base + "/toulouse/", list() + "actions",
                fields("action", "REMETTRE", "frais", String.valueOf(anne))).statusCode()).isEqualTo(403);
        assertThat(chef.submitPairs(base + "/toulouse/", base + OFFICE + "/taux",
                fields("scheme", "BAC", "tranche", "JUSQUA_600", "annee", "2032", "taux", "1")).statusCode()).isEqualTo(403);
        // The gestionnaire's own POST without the form's token.
        assertThat(gestionnaire.post(list() + "actions", Map.of("action", "REMETTRE", "frais", String.valueOf(anne))).statusCode())
                .isEqualTo(403);
        assertThat(statut(anne)).isEqualTo("VALIDE::gest.toulouse");
        assertThat(TestSql.count("select count(*) from t_toulouse.icc_taux where annee = 2032")).isZero();
    }
}
