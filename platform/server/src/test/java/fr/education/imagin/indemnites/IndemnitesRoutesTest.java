package fr.education.imagin.indemnites;

import fr.education.imagin.core.security.Role;
import fr.education.imagin.demo.DemoAccount;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.education.imagin.indemnites.IccCentreFixture.YEAR;
import static fr.education.imagin.testkit.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Indemnités des chefs de centre" (guide §4.5, ICC-1…5) over HTTP against the real platform and
 * PostgreSQL: the list and its N/A, the guide's worked example end to end, the limits of the
 * brackets and of the distribution, a forged amount, Supprimer, Transmettre and its expenses,
 * every POST refused afterwards, another establishment kept out, and the office's prefill and
 * reopening.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndemnitesRoutesTest {

    private static final String LIST = "/toulouse/indemnites/";
    private static final String OFFICE = "/toulouse/administration/indemnites";
    private static final String EUR = "\u00A0€";
    private static final Pattern REPARTI = Pattern.compile("id=\"total-reparti\">([^<]*)<");
    private static final Pattern RESTANT = Pattern.compile("id=\"total-restant\">([^<]*)<");
    private static final Pattern GLOBAL = Pattern.compile("id=\"montant-global\">([^<]*)<");

    private static String base;
    private static Browser chef;
    private static Browser gestionnaire;
    private static long[] p;

    @BeforeAll
    static void signIn() {
        base = SharedPlatform.baseUrl();
        IccCentreFixture.create();
        p = IccCentreFixture.personnes;
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

    private static String page(long session, String periode) {
        return base + LIST + session + "/" + periode;
    }

    private static HttpResponse<String> post(Browser who, String form, String action, Object... pairs) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(Map.entry(String.valueOf(pairs[i]), String.valueOf(pairs[i + 1])));
        }
        return who.submitPairs(form, action, list);
    }

    /** The guide's example: 6 days ≤ 600, 1 day > 600, three intervenants (5,5 %, 250 €, 5,5 %). */
    private static Object[] guideExample(Object... more) {
        List<Object> all = new ArrayList<>(List.of("premierJour", "15/06/" + YEAR, "jours-JUSQUA_600", "6", "jours-PLUS_DE_600", "1",
                "jours-JOURS_SUPPLEMENTAIRES", "0,0",
                "personnel", p[0], "pourcentage-" + p[0], "5,5", "montant-" + p[0], "",
                "personnel", p[1], "pourcentage-" + p[1], "", "montant-" + p[1], "250",
                "personnel", p[2], "pourcentage-" + p[2], "5,5", "montant-" + p[2], ""));
        all.addAll(List.of(more));
        return all.toArray();
    }

    private static String text(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }

    private static String found(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as(pattern.pattern()).isTrue();
        return m.group(1);
    }

    private static String single(String sql) {
        List<String> out = new ArrayList<>();
        TestSql.inSchema("t_toulouse", st -> {
            try (var rs = st.executeQuery(sql)) {
                out.add(rs.next() ? rs.getString(1) : null);
            }
        });
        return out.get(0);
    }

    /** Everything a saisie is: statut, amount, days, lines, expenses. */
    private static String snapshot(long session, String periode) {
        return single("""
                select coalesce((select s.statut || ' ' || s.montant_global || ' ' || s.premier_jour
                    || ' [' || (select string_agg(j.tranche_code || '=' || j.jours, ',' order by j.tranche_code) from icc_jours j where j.saisie_id = s.id)
                    || '] [' || coalesce((select string_agg(r.personnel_id || ':' || coalesce(r.pourcentage::text, '-') || ':' || r.montant, ',' order by r.personnel_id)
                        from icc_repartition r where r.saisie_id = s.id), '') || '] [' || coalesce((select string_agg(f.personnel_id || ':' || f.montant
                        || ':' || f.statut, ',' order by f.personnel_id) from frais f where f.icc_saisie_id = s.id), '') || ']'
                    from icc_saisie s where s.uai = '0310038Y' and s.session_id = %d and s.periode = '%s'), 'aucune')"""
                .formatted(session, periode));
    }

    @Test
    @Order(1)
    void theListShowsTheCentresSessionsAndNaForTheBtsRemplacement() {
        String list = text(chef.get(base + LIST).body());
        assertThat(list).contains("430, BTN, " + YEAR, "47A, EA, " + YEAR, "320, BTS, " + YEAR, "Non saisie",
                "Liste des sessions d'examen");
        String bts = list.substring(list.indexOf("320, BTS, " + YEAR));
        bts = bts.substring(0, bts.indexOf("</tr>"));
        assertThat(bts.split("<td>N/A</td>", -1)).hasSize(3);
        // The year filter: only the current year and the 3 before it; earlier years leave the current sessions out.
        String previous = text(chef.get(base + LIST + "?annee=" + (YEAR - 1)).body());
        assertThat(previous).doesNotContain("430, BTN, " + YEAR).contains("value=\"" + (YEAR - 3) + "\"")
                .doesNotContain("value=\"" + (YEAR - 4) + "\"");
        // The BTS has no épreuves de remplacement, and a session the centre holds no mission of is not reachable.
        assertThat(chef.get(page(IccCentreFixture.bts, "remplacement")).statusCode()).isEqualTo(404);
        assertThat(chef.get(page(IccCentreFixture.bts, "normale")).statusCode()).isEqualTo(200);
        assertThat(chef.get(base + LIST + "abc/normale").statusCode()).isEqualTo(404);
        assertThat(chef.get(page(IccCentreFixture.btn, "autre")).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void theSaisieSuggestsTheMissionsFirstDayAndDays() {
        String html = text(chef.get(page(IccCentreFixture.btn, "normale")).body());
        String first = single("select to_char(min(date_debut), 'DD/MM/YYYY') from mission where centre_uai = '0310038Y' and session_id = "
                + IccCentreFixture.btn);
        assertThat(html).contains("Date issue des missions du centre (Cyclades) : " + first, "value=\"" + first + "\"",
                "data-taux=\"173.00\"", "data-taux=\"230.00\"", "Montant global calculé", "Aucun intervenant", "Format x,x <= 3");
    }

    @Test
    @Order(3)
    void theGuidesExampleGives1268And6974() {
        String form = page(IccCentreFixture.btn, "normale");
        assertThat(post(chef, form, form, guideExample()).statusCode()).isEqualTo(302);
        String saved = text(chef.get(form).body());
        assertThat(saved).contains("Votre saisie d'indemnités est enregistrée.", "Non Transmis", "1268,00" + EUR, "69,74", "250,00",
                "Modifier", "Supprimer", "Transmettre");
        assertThat(found(REPARTI, saved)).isEqualTo("389,48" + EUR);
        String edit = chef.get(form + "?modifier=1").body();
        assertThat(found(GLOBAL, edit)).isEqualTo("1268,00" + EUR);
        assertThat(found(REPARTI, edit)).isEqualTo("389,48" + EUR);
        assertThat(found(RESTANT, edit)).isEqualTo("878,52" + EUR);
        assertThat(snapshot(IccCentreFixture.btn, "NORMALE")).startsWith("SAISIE 1268.00 " + YEAR + "-06-15")
                .contains(p[0] + ":5.50:69.74", p[1] + ":-:250.00", p[2] + ":5.50:69.74");
    }

    @Test
    @Order(4)
    void supplementaryDaysGoUpTo3AndNotBeyond() {
        String form = page(IccCentreFixture.btn, "normale");
        assertThat(post(chef, form, form, guideExample()).statusCode()).isEqualTo(302);
        Object[] three = guideExample();
        three[7] = "3";
        post(chef, form, form, three);
        // 1268 + 3 × 173 = 1787
        assertThat(snapshot(IccCentreFixture.btn, "NORMALE")).startsWith("SAISIE 1787.00 ");
        String before = snapshot(IccCentreFixture.btn, "NORMALE");
        Object[] over = guideExample();
        over[7] = "3,1";
        post(chef, form, form, over);
        assertThat(text(chef.get(form).body())).contains("La saisie d'indemnités n'a pas été enregistrée : rien n'est modifié.",
                "Supplémentaires : 3,1 n'est pas accepté (format x,x <= 3)")
                .contains("value=\"3,1\""); // what was typed comes back
        assertThat(snapshot(IccCentreFixture.btn, "NORMALE")).isEqualTo(before);
        post(chef, form, form, guideExample());
        assertThat(snapshot(IccCentreFixture.btn, "NORMALE")).startsWith("SAISIE 1268.00 ");
    }

    @Test
    @Order(5)
    void theDistributionGoesUpTo100PercentAndTheGlobalAmountAndNotBeyond() {
        String form = page(IccCentreFixture.btn, "normale");
        Object[] days = {"premierJour", "15/06/" + YEAR, "jours-JUSQUA_600", "6", "jours-PLUS_DE_600", "1", "jours-JOURS_SUPPLEMENTAIRES", ""};
        List<Object> hundred = new ArrayList<>(List.of(days));
        hundred.addAll(List.of("personnel", p[0], "pourcentage-" + p[0], "100", "montant-" + p[0], ""));
        post(chef, form, form, hundred.toArray());
        assertThat(snapshot(IccCentreFixture.btn, "NORMALE")).contains("[" + p[0] + ":100.00:1268.00]");
        String before = snapshot(IccCentreFixture.btn, "NORMALE");

        List<Object> single = new ArrayList<>(List.of(days));
        single.addAll(List.of("personnel", p[0], "pourcentage-" + p[0], "100,1", "montant-" + p[0], ""));
        post(chef, form, form, single.toArray());
        assertThat(text(chef.get(form).body())).contains("Répartition « 100,1 » invalide (format x,x <= 100).");
        assertThat(snapshot(IccCentreFixture.btn, "NORMALE")).isEqualTo(before);

        List<Object> total = new ArrayList<>(List.of(days));
        total.addAll(List.of("personnel", p[0], "pourcentage-" + p[0], "95", "montant-" + p[0], "",
                "personnel", p[1], "pourcentage-" + p[1], "5,1", "montant-" + p[1], ""));
        post(chef, form, form, total.toArray());
        assertThat(text(chef.get(form).body())).contains("La répartition totale (100,1 %) dépasse 100 %.");
        assertThat(snapshot(IccCentreFixture.btn, "NORMALE")).isEqualTo(before);

        List<Object> above = new ArrayList<>(List.of(days));
        above.addAll(List.of("personnel", p[0], "pourcentage-" + p[0], "", "montant-" + p[0], "1000",
                "personnel", p[1], "pourcentage-" + p[1], "", "montant-" + p[1], "268,01"));
        post(chef, form, form, above.toArray());
        assertThat(text(chef.get(form).body())).contains("Le total réparti (1268,01" + EUR + ") dépasse le montant global calculé (1268,00"
                + EUR + ").");
        assertThat(snapshot(IccCentreFixture.btn, "NORMALE")).isEqualTo(before);

        List<Object> exact = new ArrayList<>(List.of(days));
        exact.addAll(List.of("personnel", p[0], "pourcentage-" + p[0], "", "montant-" + p[0], "1000",
                "personnel", p[1], "pourcentage-" + p[1], "", "montant-" + p[1], "268"));
        post(chef, form, form, exact.toArray());
        assertThat(found(RESTANT, chef.get(form + "?modifier=1").body())).isEqualTo("0,00" + EUR);
    }

    @Test
    @Order(6)
    void aForgedAmountIsIgnoredAndRecomputed() {
        String form = page(IccCentreFixture.btn, "normale");
        Object[] forged = guideExample("montantGlobal", "99999", "montant-global", "99999");
        forged[13] = "9999"; // montant-p0 sent along with its 5,5 %
        post(chef, form, form, forged);
        assertThat(snapshot(IccCentreFixture.btn, "NORMALE")).startsWith("SAISIE 1268.00 ").contains(p[0] + ":5.50:69.74");
    }

    @Test
    @Order(7)
    void supprimerDeletesTheSaisie() {
        String form = page(IccCentreFixture.bts, "normale");
        post(chef, form, form, "premierJour", "15/06/" + YEAR, "jours-DE_11_A_50", "2", "jours-DE_51_A_100", "1,5",
                "jours-PLUS_DE_100", "", "personnel", p[3], "pourcentage-" + p[3], "", "montant-" + p[3], "50");
        // 2 × 50 + 1,5 × 80 = 220
        assertThat(snapshot(IccCentreFixture.bts, "NORMALE")).startsWith("SAISIE 220.00 ");
        assertThat(post(chef, form, form + "/supprimer").statusCode()).isEqualTo(302);
        assertThat(snapshot(IccCentreFixture.bts, "NORMALE")).isEqualTo("aucune");
        assertThat(text(chef.get(base + LIST).body())).contains("La saisie d'indemnités est supprimée.");
    }

    @Test
    @Order(8)
    void transmettreCreatesTheExpensesAtTheServersAmountsThenEveryPostIsRefused() {
        String form = page(IccCentreFixture.btn, "normale");
        post(chef, form, form, guideExample());
        assertThat(post(chef, form, form + "/transmettre").statusCode()).isEqualTo(302);
        String page = text(chef.get(form).body());
        assertThat(page).contains("Vos indemnités ont été transmises au service Gestionnaire. Pour toute modification, veuillez contacter ce service.",
                "Transmis", "Initialisé", "1268,00" + EUR).doesNotContain("id=\"icc-form\"", "id=\"transmettre\"");
        assertThat(count("select count(*) from t_toulouse.frais f join t_toulouse.icc_saisie s on s.id = f.icc_saisie_id"
                + " where f.nature = 'ICC' and s.session_id = " + IccCentreFixture.btn + " and s.uai = '0310038Y'")).isEqualTo(3);
        String transmitted = snapshot(IccCentreFixture.btn, "NORMALE");
        assertThat(transmitted).startsWith("TRANSMIS 1268.00 ").contains(p[0] + ":69.74:A_TRAITER", p[1] + ":250.00:A_TRAITER",
                p[2] + ":69.74:A_TRAITER");
        assertThat(text(chef.get(base + LIST).body())).containsPattern("<td>Transmis</td>\\s*<td>Initialisé</td>");

        Object[] changed = guideExample();
        changed[3] = "7";
        post(chef, form, form, changed);
        assertThat(text(chef.get(form).body())).contains("La saisie d'indemnités n'a pas été enregistrée", IccSaisieService.TRANSMISE);
        post(chef, form, form + "/supprimer");
        assertThat(text(chef.get(form).body())).contains("La saisie d'indemnités n'a pas été supprimée.");
        post(chef, form, form + "/transmettre");
        assertThat(text(chef.get(form).body())).contains("La saisie d'indemnités n'a pas été transmise.");
        assertThat(text(chef.get(form + "?modifier=1").body())).doesNotContain("id=\"icc-form\"");
        assertThat(snapshot(IccCentreFixture.btn, "NORMALE")).isEqualTo(transmitted);
    }

    @Test
    @Order(9)
    void anotherEstablishmentCannotReadOrWriteTheCentresSaisie() {
        DemoAccount other = SharedPlatform.get().demoAccounts().stream()
                .filter(a -> "toulouse".equals(a.tenantCode()) && a.role() == Role.CHEF_ETABLISSEMENT && a.uais().size() == 1
                        && !a.login().equals("ce.0310038y"))
                .findFirst().orElseThrow();
        String uai = other.uais().get(0);
        // Made an exam centre for the time of the test, so that the activity guard lets it in and the ICC's own checks answer.
        boolean centre = "t".equals(single("select centre_examen from t_toulouse.etablissement where uai = '" + uai + "'"));
        TestSql.execute("update t_toulouse.etablissement set centre_examen = true where uai = '" + uai + "'");
        Browser browser = new Browser();
        assertThat(browser.login(base, "toulouse", other.login(), "imagin-demo").statusCode()).as("sign-in of " + other.login())
                .isEqualTo(302);
        try {
            String before = snapshot(IccCentreFixture.btn, "NORMALE");
            String form = page(IccCentreFixture.btn, "normale");
            HttpResponse<String> read = browser.get(form);
            assertThat(read.statusCode()).isEqualTo(404);
            assertThat(read.body()).doesNotContain("1268,00", "ZZICC");
            for (String action : List.of(form, form + "/supprimer", form + "/transmettre")) {
                int status = post(browser, base + "/toulouse/", action, guideExample()).statusCode();
                assertThat(status).as(action).isEqualTo(404);
            }
            assertThat(snapshot(IccCentreFixture.btn, "NORMALE")).isEqualTo(before);
            HttpResponse<String> list = browser.get(base + LIST);
            assertThat(list.body()).doesNotContain("ZZICC");
            // ICC-1: an establishment that is no centre of a covered session this year sees the empty state.
            long sessions = count("select count(*) from t_toulouse.mission m join t_toulouse.session_examen se on se.id = m.session_id"
                    + " where m.centre_uai = '" + uai + "' and se.annee = " + YEAR
                    + " and se.examen_code in ('43A', '47A', '400', '430', '470', '320')");
            assertThat(list.statusCode()).isEqualTo(200);
            System.out.println("ICC list of " + uai + ": " + sessions + " mission(s) in covered sessions this year");
            if (sessions == 0) {
                assertThat(text(list.body())).contains("Aucune session d'examen");
            }
        } finally {
            browser.quit(base, "toulouse");
            TestSql.execute("update t_toulouse.etablissement set centre_examen = " + centre + " where uai = '" + uai + "'");
        }
    }

    @Test
    @Order(10)
    void theOfficePrefillsTheCentreSeesItAndEditsIt() {
        String office = base + OFFICE;
        String list = text(gestionnaire.get(office).body());
        assertThat(list).contains("0310038Y", "430, BTN, " + YEAR, "Transmis", "Initialisé", "1268,00" + EUR);
        assertThat(gestionnaire.get(office + "?uai=0310038y&session=" + IccCentreFixture.btn + "&periode=remplacement")
                .headers().firstValue("location")).hasValue(OFFICE + "/0310038Y/" + IccCentreFixture.btn + "/remplacement");
        String prefill = office + "/0310038Y/" + IccCentreFixture.btn + "/remplacement";
        String prefillPage = gestionnaire.get(prefill).body();
        assertThat(prefillPage).contains("data-recherche=\"" + OFFICE + "/intervenants\"");
        assertThat(gestionnaire.get(office + "/intervenants?nom=zzicc-q").body()).contains("ZZICC-QUATRE Yves");
        post(gestionnaire, prefill, prefill, "premierJour", "01/07/" + YEAR, "jours-JUSQUA_600", "2", "jours-PLUS_DE_600", "",
                "jours-JOURS_SUPPLEMENTAIRES", "");
        assertThat(snapshot(IccCentreFixture.btn, "REMPLACEMENT")).startsWith("SAISIE 346.00 " + YEAR + "-07-01");
        assertThat(single("select prerempli_par from t_toulouse.icc_saisie where uai = '0310038Y' and periode = 'REMPLACEMENT'"
                + " and session_id = " + IccCentreFixture.btn)).isEqualTo("gest.toulouse");
        // The office does not transmit for the centre.
        assertThat(post(gestionnaire, prefill, prefill + "/transmettre").statusCode()).isEqualTo(404);

        String centre = page(IccCentreFixture.btn, "remplacement");
        String seen = text(chef.get(centre).body());
        assertThat(seen).contains("Saisie pré-remplie par le service gestionnaire", "346,00" + EUR, "01/07/" + YEAR);
        post(chef, centre, centre, "premierJour", "01/07/" + YEAR, "jours-JUSQUA_600", "2", "jours-PLUS_DE_600", "",
                "jours-JOURS_SUPPLEMENTAIRES", "", "personnel", p[3], "pourcentage-" + p[3], "50", "montant-" + p[3], "");
        assertThat(snapshot(IccCentreFixture.btn, "REMPLACEMENT")).startsWith("SAISIE 346.00 ").contains(p[3] + ":50.00:173.00");
        // A session the centre holds no mission of cannot be prefilled for it.
        assertThat(gestionnaire.get(office + "/0310038Y/999999999/normale").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(11)
    void theOfficeReopensATransmittedSaisieUntilALineIsPaid() {
        String action = base + OFFICE + "/0310038Y/" + IccCentreFixture.btn + "/normale";
        assertThat(text(gestionnaire.get(action).body())).contains("Rouvrir la saisie");
        assertThat(post(gestionnaire, action, action + "/rouvrir").statusCode()).isEqualTo(302);
        assertThat(snapshot(IccCentreFixture.btn, "NORMALE")).startsWith("SAISIE 1268.00 ").endsWith("[]");
        String form = page(IccCentreFixture.btn, "normale");
        Object[] changed = guideExample();
        changed[3] = "7"; // 7 × 173 + 230 = 1441
        post(chef, form, form, changed);
        assertThat(snapshot(IccCentreFixture.btn, "NORMALE")).startsWith("SAISIE 1441.00 ").contains(p[0] + ":5.50:79.26");
        post(chef, form, form + "/transmettre");
        TestSql.execute("update t_toulouse.frais set statut = 'PAYE', traite_par = 'gest.toulouse', traite_le = now()"
                + " where personnel_id = " + p[1] + " and icc_saisie_id is not null");
        String paid = snapshot(IccCentreFixture.btn, "NORMALE");
        post(gestionnaire, action, action + "/rouvrir");
        assertThat(text(gestionnaire.get(action).body())).contains("La saisie d'indemnités n'a pas été rouverte.",
                "Des indemnités de cette saisie ont déjà été payées : elle ne peut plus être rouverte.");
        assertThat(snapshot(IccCentreFixture.btn, "NORMALE")).isEqualTo(paid);
    }

    @Test
    @Order(12)
    void aChefDEtablissementIsRefusedTheOfficeRoutes() {
        String action = base + OFFICE + "/0310038Y/" + IccCentreFixture.btn + "/normale";
        assertThat(chef.get(base + OFFICE).statusCode()).isEqualTo(403);
        assertThat(chef.get(action).statusCode()).isEqualTo(403);
        assertThat(post(chef, base + "/toulouse/", action, guideExample()).statusCode()).isEqualTo(403);
        assertThat(post(chef, base + "/toulouse/", action + "/rouvrir").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(13)
    void theSearchFindsTheAcademiesPeopleByName() {
        String json = chef.get(base + LIST + "intervenants?nom=zzicc-d").body();
        assertThat(json).contains("ZZICC-DEUX Alexandre").doesNotContain("ZZICC-UN");
        assertThat(chef.get(base + LIST + "intervenants?nom=z").body()).isEqualTo("[]");
    }
}
