package fr.education.imagin.convocations;

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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static fr.education.imagin.convocations.ConvocationMissions.DAY_ONE;
import static fr.education.imagin.testkit.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Convocation par mission" (guide §4.2, CONV-1…CONV-14, INDISPO-4) over HTTP against the real
 * platform, as the chef of the LPO 0310038Y: which missions are offered, the form's rules and the
 * guide's messages (nothing written on a refusal), warnings confirmed before saving, the COEC
 * "Saisie sur la mission", modification and deletion, the PDF, the zip, the mails, SANTORIN and the
 * person's home académie.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConvocationsRoutesTest {

    private static final String LIST = "/toulouse/convocations/";

    private static String base;
    private static Browser browser;

    @BeforeAll
    static void signIn() {
        base = SharedPlatform.baseUrl();
        ConvocationMissions.create();
        browser = new Browser();
        browser.login(base, "toulouse", "ce.0310038y", "imagin-demo");
    }

    @AfterAll
    static void signOut() {
        browser.quit(base, "toulouse");
    }

    private static String mission(long id) {
        return base + LIST + id;
    }

    private static String form(long id) {
        return mission(id) + "/nouvelle";
    }

    private static List<Map.Entry<String, String>> fields(Object... pairs) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(Map.entry((String) pairs[i], String.valueOf(pairs[i + 1])));
        }
        return list;
    }

    private static long affectations(long mission) {
        return count("select count(*) from t_toulouse.affectation where mission_id = " + mission);
    }

    @Test
    @Order(1)
    void theListOffersTheTargetedMissionsAndThoseThePluginsOpenAndNoOther() {
        String page = browser.get(base + LIST + "?motcle=ZZCONV").body();
        assertThat(page).contains("ZZCONV-ORD", "ZZCONV-COEC", "ZZCONV-INEC")
                .doesNotContain("ZZCONV-HORS", "ZZCONV-AILLEURS")
                // CONV-14: the EC types are signed by the head of establishment (the plugin's rule).
                .contains("Chef d&#39;établissement");
        assertThat(browser.get(mission(ConvocationMissions.horsCible)).statusCode()).isEqualTo(404);
        assertThat(browser.get(mission(ConvocationMissions.ailleurs)).statusCode()).isEqualTo(404);
        assertThat(browser.get(form(ConvocationMissions.ailleurs)).statusCode()).isEqualTo(404);
        assertThat(browser.get(base + LIST + "abc").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void badInputIsRefusedWithTheReasonAndWritesNothing() {
        long mission = ConvocationMissions.ordinaire;
        long before = affectations(mission);
        String day = DAY_ONE.toString();
        HttpResponse<String> noDate = browser.submitPairs(form(mission), form(mission),
                fields("personnel", ConvocationMissions.personnes[0], "qualite", "Correcteur"));
        assertThat(noDate.statusCode()).isEqualTo(302);
        assertThat(browser.get(form(mission)).body()).contains("Sélectionnez au moins une date d&#39;affectation.",
                "La convocation n&#39;a pas été enregistrée");

        browser.submitPairs(form(mission), form(mission), fields("qualite", "Correcteur", "jour", day,
                "debut-" + day, "08:00", "fin-" + day, "12:00"));
        assertThat(browser.get(form(mission)).body()).contains("Sélectionnez au moins un intervenant à convoquer.");

        browser.submitPairs(form(mission), form(mission), fields("personnel", ConvocationMissions.personnes[0],
                "qualite", "Correcteur", "jour", DAY_ONE.plusDays(5), "debut-" + DAY_ONE.plusDays(5), "08:00",
                "fin-" + DAY_ONE.plusDays(5), "12:00"));
        assertThat(browser.get(form(mission)).body()).contains("n&#39;est pas une date de la mission.");

        browser.submitPairs(form(mission), form(mission), fields("personnel", ConvocationMissions.personnes[0],
                "qualite", "Correcteur", "jour", day, "debut-" + day, "14:00", "fin-" + day, "12:00"));
        String afterTimes = browser.get(form(mission)).body();
        assertThat(afterTimes).contains("doit être après son heure de début.");

        browser.submitPairs(form(mission), form(mission), fields("personnel", ConvocationMissions.personnes[0],
                "qualite", "Correcteur", "jour", day, "debut-" + day, "", "fin-" + day, ""));
        assertThat(browser.get(form(mission)).body()).contains("Saisissez l&#39;heure de début et l&#39;heure de fin du");

        browser.submitPairs(form(mission), form(mission), fields("personnel", ConvocationMissions.personnes[0],
                "qualite", "Grand manitou", "jour", day, "debut-" + day, "08:00", "fin-" + day, "12:00"));
        assertThat(browser.get(form(mission)).body()).contains("n&#39;est pas dans la liste du service gestionnaire.");

        browser.submitPairs(form(mission), form(mission), fields("personnel", ConvocationMissions.personnes[0],
                "qualite", "Correcteur", "jour", day, "debut-" + day, "08:00", "fin-" + day, "12:00",
                "observation", "avant\u0000après"));
        String nul = browser.get(form(mission)).body();
        assertThat(nul).contains("Le champ « Observations sur la convocation » contient un caractère non autorisé.");
        // A control character no PDF could print, in any typed field, the qualité included.
        browser.submitPairs(form(mission), form(mission), fields("personnel", ConvocationMissions.personnes[0],
                "qualite", "Corr\u0000ecteur", "salle", "B\u0007", "jour", day, "debut-" + day, "08:00", "fin-" + day, "12:00"));
        assertThat(browser.get(form(mission)).body()).contains("Le champ « Code salle » contient un caractère non autorisé.",
                "Le champ « Qualité » contient un caractère non autorisé.");

        // The refused form comes back with what was typed, and its fresh token lets the user correct it.
        browser.submitPairs(form(mission), form(mission), fields("personnel", ConvocationMissions.personnes[0],
                "qualite", "Correcteur", "salle", "B-204", "jour", day, "debut-" + day, "07:30", "fin-" + day, "07:00"));
        String kept = browser.get(form(mission)).body();
        assertThat(kept).contains("value=\"B-204\"", "value=\"07:30\"", "id=\"personnel-" + ConvocationMissions.personnes[0] + "\"");
        assertThat(affectations(mission)).isEqualTo(before);
    }

    @Test
    @Order(3)
    void twoPersonsAreConvenedOnTwoDatesInOneTransactionWithItsAuditEntry() {
        long mission = ConvocationMissions.ordinaire;
        String d1 = DAY_ONE.toString();
        String d2 = DAY_ONE.plusDays(1).toString();
        HttpResponse<String> saved = browser.submitPairs(form(mission), form(mission), fields(
                "personnel", ConvocationMissions.personnes[0], "personnel", ConvocationMissions.personnes[1],
                "qualite", "Correcteur", "salle", "205", "jour", d1, "jour", d2,
                "debut-" + d1, "08:00", "fin-" + d1, "12:00", "debut-" + d2, "13h30", "fin-" + d2, "17:00",
                "observation", "Se présenter à l'accueil du bâtiment B."));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("location")).hasValue(LIST + mission);
        assertThat(count("""
                select count(*) from t_toulouse.affectation a
                where a.mission_id = %d and a.statut = 'CONVOQUEE_PAR_CENTRE' and a.auteur = 'CENTRE' and a.qualite = 'Correcteur'
                  and a.salle = '205' and a.convoquee_le is not null
                  and (select count(*) from t_toulouse.affectation_creneau k where k.affectation_id = a.id) = 2"""
                .formatted(mission))).isEqualTo(2);
        assertThat(count("select count(*) from t_toulouse.affectation_creneau k join t_toulouse.affectation a on a.id = k.affectation_id"
                + " where a.mission_id = " + mission + " and k.heure_debut = time '13:30' and k.heure_fin = time '17:00'")).isEqualTo(2);
        assertThat(count("select count(*) from platform.audit where action = 'CONVOCATION_CREEE' and detail like 'centre=0310038Y mission=ZZCONV-ORD%'"))
                .isEqualTo(1);
        String detail = browser.get(mission(mission)).body();
        assertThat(detail).contains("2 intervenants sont convoqués sur la mission n° ZZCONV-ORD.",
                "Convoquée par centre, Correcteur, salle 205, Dates spéc, Obs. spéc", "ZZCONVOC-UN", "ZZCONVOC-DEUX",
                // The office's convocation is listed, read-only.
                "ZZCONVOC-QUATRE", "Convoquée, Correcteur");
        assertThat(detail).doesNotContain(ConvocationMissions.convocationBureau + "/modifier");

        // CONV-2: one affectation per person and mission.
        browser.submitPairs(form(mission), form(mission), fields("personnel", ConvocationMissions.personnes[0],
                "qualite", "Correcteur", "jour", d1, "debut-" + d1, "08:00", "fin-" + d1, "12:00"));
        assertThat(browser.get(form(mission)).body()).contains("ZZCONVOC-UN Élodie est déjà convoqué(e) sur cette mission : modifiez sa convocation.");
        browser.submitPairs(form(mission), form(mission), fields("personnel", ConvocationMissions.personnes[3],
                "jour", d1, "debut-" + d1, "08:00", "fin-" + d1, "12:00"));
        assertThat(browser.get(form(mission)).body()).contains(
                "ZZCONVOC-QUATRE Denis est déjà convoqué(e) sur cette mission par le service gestionnaire : contactez-le");
        assertThat(affectations(mission)).isEqualTo(3);
    }

    @Test
    @Order(4)
    void unavailabilityAndOverlappingConvocationsWarnAndSaveOnlyOnceConfirmed() {
        long mission = ConvocationMissions.coec;
        long person = ConvocationMissions.personnes[2];
        String d1 = DAY_ONE.toString();
        TestSql.execute("insert into t_toulouse.indisponibilite (personnel_id, debut, fin, motif, origine)"
                + " values (" + person + ", timestamp '" + d1 + " 09:00', timestamp '" + d1 + " 11:00', 'Rendez-vous médical', 'EPP')");
        // The office convened the same person at the same time on the ordinary mission.
        TestSql.execute("""
                with a as (insert into t_toulouse.affectation (mission_id, personnel_id, qualite, statut, auteur, convoquee_le)
                           values (%d, %d, 'Correcteur', 'CONVOQUEE', 'ACADEMIE', now()) returning id)
                insert into t_toulouse.affectation_creneau (affectation_id, jour, heure_debut, heure_fin)
                select id, date '%s', time '10:00', time '16:00' from a""".formatted(ConvocationMissions.ordinaire, person, d1));
        long before = affectations(mission);
        List<Map.Entry<String, String>> typed = fields("personnel", person, "jour", d1, "debut-" + d1, "08:00",
                "fin-" + d1, "12:00", "surMission", "non");
        browser.submitPairs(form(mission), form(mission), typed);
        String warned = browser.get(form(mission)).body();
        assertThat(warned).contains("Avant d'enregistrer, vérifiez",
                "ZZCONVOC-TROIS Chloé est indisponible du " + DAY_ONE.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                        + " 09:00",
                "(Rendez-vous médical)", "ZZCONVOC-TROIS Chloé est déjà convoqué(e) le", "mission n° ZZCONV-ORD",
                "name=\"confirmer\"");
        assertThat(affectations(mission)).isEqualTo(before);

        List<Map.Entry<String, String>> confirmed = new ArrayList<>(typed);
        confirmed.add(Map.entry("confirmer", "1"));
        assertThat(browser.submitPairs(form(mission), form(mission), confirmed).headers().firstValue("location"))
                .hasValue(LIST + mission);
        assertThat(affectations(mission)).isEqualTo(before + 1);
        // EC correction with no qualité chosen: "Correcteur Santorin" (CONV-4).
        assertThat(count("select count(*) from t_toulouse.affectation where mission_id = " + mission
                + " and personnel_id = " + person + " and qualite = 'Correcteur Santorin'")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aCoecMissionAsksWhetherToKeepTheDatesOnTheMissionAndTellsSantorin() {
        long mission = ConvocationMissions.coec;
        String d2 = DAY_ONE.plusDays(1).toString();
        String form = browser.get(form(mission)).body();
        // CONV-6: the office's two days only, and the plugin's qualités.
        assertThat(form).contains("jour-" + DAY_ONE, "jour-" + d2).doesNotContain("jour-" + DAY_ONE.plusDays(2))
                .contains("Référent correction", "Non renseignée : Correcteur Santorin");
        long santorin = count("select count(*) from t_toulouse.santorin_envoi where mission_id = " + mission);
        List<Map.Entry<String, String>> typed = fields("personnel", ConvocationMissions.personnes[0], "qualite", "Référent correction",
                "jour", d2, "debut-" + d2, "09:00", "fin-" + d2, "17:00", "observation", "Correction sur SANTORIN.",
                // Convened on the ordinary mission that afternoon (test 3): confirmed, so only the question remains.
                "confirmer", "1");
        browser.submitPairs(form(mission), form(mission), typed);
        String asked = browser.get(form(mission)).body();
        assertThat(asked).contains("Saisie sur la mission", "Vous avez modifié les dates d'affectation.",
                "Souhaitez-vous enregistrer votre saisie sur la mission ?", "Dans les deux cas, la convocation sera effectuée.",
                "Correction sur SANTORIN.</textarea>");
        assertThat(count("select count(*) from t_toulouse.affectation where mission_id = " + mission
                + " and personnel_id = " + ConvocationMissions.personnes[0])).isZero();

        List<Map.Entry<String, String>> yes = new ArrayList<>(typed);
        yes.add(Map.entry("surMission", "oui"));
        browser.submitPairs(form(mission), form(mission), yes);
        assertThat(count("select count(*) from t_toulouse.affectation where mission_id = " + mission
                + " and personnel_id = " + ConvocationMissions.personnes[0] + " and qualite = 'Référent correction'")).isEqualTo(1);
        assertThat(count("select count(*) from t_toulouse.mission_creneau_convocation where mission_id = " + mission
                + " and jour = date '" + d2 + "' and heure_debut = time '09:00'")).isEqualTo(1);
        assertThat(count("select count(*) from t_toulouse.mission where id = " + mission
                + " and observation_convocation = 'Correction sur SANTORIN.'")).isEqualTo(1);
        // The next convocation starts from what was kept, and asks nothing when it is kept as is.
        String next = browser.get(form(mission)).body();
        assertThat(next).contains("id=\"jour-" + d2 + "\" checked", "value=\"09:00\"", "Correction sur SANTORIN.");
        browser.submitPairs(form(mission), form(mission), fields("personnel", ConvocationMissions.personnes[1],
                "jour", d2, "debut-" + d2, "09:00", "fin-" + d2, "17:00", "observation", "Correction sur SANTORIN.",
                "confirmer", "1"));
        assertThat(count("select count(*) from t_toulouse.affectation where mission_id = " + mission
                + " and personnel_id = " + ConvocationMissions.personnes[1])).isEqualTo(1);
        // CONV-11: each change of the convened list is a SANTORIN record holding the whole list.
        assertThat(count("select count(*) from t_toulouse.santorin_envoi where mission_id = " + mission)).isEqualTo(santorin + 2);
        assertThat(count("select jsonb_array_length(contenu -> 'convoques') from t_toulouse.santorin_envoi where mission_id = "
                + mission + " order by sequence desc limit 1")).isEqualTo(3);
    }

    @Test
    @Order(6)
    void anInecMissionWaitsForCyclades() {
        long mission = ConvocationMissions.inec;
        HttpResponse<String> open = browser.get(form(mission));
        assertThat(open.statusCode()).isEqualTo(302);
        String detail = browser.get(mission(mission)).body();
        assertThat(detail).contains("L&#39;affectation n&#39;est pas terminée dans cyclades. La convocation des intervenants n&#39;est pas possible.")
                .doesNotContain("Créer une convocation</a>");
        String d1 = DAY_ONE.toString();
        browser.submitPairs(mission(ConvocationMissions.ordinaire), form(mission), fields("personnel", ConvocationMissions.personnes[0],
                "qualite", "Examinateur", "jour", d1, "debut-" + d1, "08:00", "fin-" + d1, "12:00"));
        assertThat(affectations(mission)).isZero();
    }

    @Test
    @Order(7)
    void theCentreModifiesAndDeletesItsOwnConvocationsOnlyAndNotOnceTheExpenseIsProcessed() {
        long mission = ConvocationMissions.ordinaire;
        long own = count("select id from t_toulouse.affectation where mission_id = " + mission + " and personnel_id = "
                + ConvocationMissions.personnes[0]);
        String modify = mission(mission) + "/" + own + "/modifier";
        assertThat(browser.get(modify).body()).contains("Modifier la convocation de ZZCONVOC-UN Élodie", "value=\"205\"");
        String d3 = DAY_ONE.plusDays(2).toString();
        browser.submitPairs(modify, modify, fields("personnel", ConvocationMissions.personnes[2], "qualite", "Examinateur",
                "jour", d3, "debut-" + d3, "10:00", "fin-" + d3, "11:00"));
        assertThat(count("select count(*) from t_toulouse.affectation a where a.id = " + own + " and a.qualite = 'Examinateur'"
                + " and a.personnel_id = " + ConvocationMissions.personnes[0])).isEqualTo(1);
        assertThat(count("select count(*) from t_toulouse.affectation_creneau where affectation_id = " + own)).isEqualTo(1);

        // The office's convocation: no form, no deletion, no document from this activity.
        long office = ConvocationMissions.convocationBureau;
        assertThat(browser.get(mission(mission) + "/" + office + "/modifier").statusCode()).isEqualTo(404);
        assertThat(browser.download(mission(mission) + "/" + office + "/convocation.pdf").statusCode()).isEqualTo(404);
        browser.submit(mission(mission), mission(mission) + "/" + office + "/supprimer", Map.of());
        assertThat(count("select count(*) from t_toulouse.affectation where id = " + office)).isEqualTo(1);

        // Once the office processes the expense, the convocation stays as it is.
        TestSql.execute("insert into t_toulouse.service_fait (affectation_id, fait, saisi_par) values (" + own
                + ", true, 'gest.toulouse')");
        TestSql.execute("insert into t_toulouse.frais (nature, session_id, personnel_id, affectation_id, statut)"
                + " select 'REMUNERATION', m.session_id, a.personnel_id, a.id, 'VALIDE' from t_toulouse.affectation a"
                + " join t_toulouse.mission m on m.id = a.mission_id where a.id = " + own);
        browser.submit(mission(mission), mission(mission) + "/" + own + "/supprimer", Map.of());
        assertThat(browser.get(mission(mission)).body()).contains("le frais qui en résulte est en cours de traitement");
        assertThat(count("select count(*) from t_toulouse.affectation where id = " + own)).isEqualTo(1);
        TestSql.execute("delete from t_toulouse.frais where affectation_id = " + own);
        TestSql.execute("delete from t_toulouse.service_fait where affectation_id = " + own);

        browser.submit(mission(mission), mission(mission) + "/" + own + "/supprimer", Map.of());
        assertThat(count("select count(*) from t_toulouse.affectation where id = " + own)).isZero();
        assertThat(browser.get(mission(mission)).body()).contains("La convocation est supprimée");
    }

    @Test
    @Order(8)
    void thePdfTheZipAndTheMailsCarryTheCentresConvocations() throws IOException {
        long mission = ConvocationMissions.coec;
        long own = count("select id from t_toulouse.affectation where mission_id = " + mission + " and personnel_id = "
                + ConvocationMissions.personnes[0]);
        HttpResponse<byte[]> pdf = browser.download(mission(mission) + "/" + own + "/convocation.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("content-disposition").orElseThrow()).contains("ZZCONVOC-UN_%C3%89lodie.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("ZZCONVOC-UN", "Dossier suivi par le centre d'examen",
                    "Correction sur SANTORIN.", "en qualité de référente correction");
        }

        HttpResponse<byte[]> zip = browser.download(mission(mission) + "/convocations.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("content-disposition").orElseThrow())
                .matches(".*filename=\"BCG_ZZCONV-COEC_\\d{8}\\.zip\".*");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                try (PDDocument document = Loader.loadPDF(in.readAllBytes())) {
                    assertThat(new PDFTextStripper().getText(document)).contains("Dossier suivi par le centre d'examen");
                }
            }
        }
        assertThat(names).containsExactlyInAnyOrder("ZZCONVOC-UN_Élodie.pdf", "ZZCONVOC-DEUX_Bruno.pdf", "ZZCONVOC-TROIS_Chloé.pdf");
        // Only the rows the screen still shows.
        HttpResponse<byte[]> one = browser.download(mission(mission) + "/convocations.zip?affectations=" + own);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(one.body()))) {
            assertThat(in.getNextEntry().getName()).isEqualTo("ZZCONVOC-UN_Élodie.pdf");
            assertThat(in.getNextEntry()).isNull();
        }

        long queued = count("select count(*) from t_toulouse.mail_outbox");
        browser.submit(mission(mission), mission(mission) + "/mel", Map.of("affectations", ""));
        String detail = browser.get(mission(mission)).body();
        assertThat(detail).contains("2 convocations sont placées dans la file des méls",
                "ZZCONVOC-TROIS Chloé n&#39;a pas d&#39;adresse mél connue");
        assertThat(count("select count(*) from t_toulouse.mail_outbox")).isEqualTo(queued + 2);
        // Professional address first, a copy to the centre, the PDF attached (CONV-13).
        assertThat(count("""
                select count(*) from t_toulouse.mail_outbox o join t_toulouse.mail_piece_jointe p on p.mail_id = o.id
                where o.destinataire = 'elodie.un@ac-toulouse.fr' and o.copie = 'ce.0310038y@ac-toulouse.fr'
                  and p.nom = 'ZZCONVOC-UN_Élodie.pdf' and p.type_contenu = 'application/pdf'""")).isEqualTo(1);
        assertThat(count("select count(*) from t_toulouse.mail_outbox where destinataire = 'bruno@example.org'")).isEqualTo(1);
    }

    @Test
    @Order(9)
    void convokingAPersonFromRennesLeavesAnUnavailabilityThereThatFollowsTheConvocation() throws Exception {
        long mission = ConvocationMissions.ordinaire;
        String d1 = DAY_ONE.toString();
        browser.submitPairs(form(mission), form(mission), fields("personnel", ConvocationMissions.rennais, "qualite", "Correcteur",
                "jour", d1, "debut-" + d1, "08:00", "fin-" + d1, "12:00"));
        long affectation = count("select id from t_toulouse.affectation where mission_id = " + mission
                + " and personnel_id = " + ConvocationMissions.rennais);
        String inRennes = "select count(*) from t_rennes.indisponibilite i join t_rennes.personnel p on p.id = i.personnel_id"
                + " where p.numen = 'ZZCONV-R' and i.origine = 'AUTRE_ACADEMIE' and i.interacademie_cle = 'toulouse:" + affectation + "'";
        SharedPlatform.get().crossAcademy().drain().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(count(inRennes + " and i.debut = timestamp '" + d1 + " 08:00'"
                + " and i.convocation ->> 'numero' = 'ZZCONV-ORD'")).isEqualTo(1);

        String modify = mission(mission) + "/" + affectation + "/modifier";
        browser.submitPairs(modify, modify, fields("personnel", ConvocationMissions.rennais, "qualite", "Correcteur",
                "jour", d1, "debut-" + d1, "14:00", "fin-" + d1, "18:00"));
        SharedPlatform.get().crossAcademy().drain().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(count(inRennes + " and i.debut = timestamp '" + d1 + " 14:00'")).isEqualTo(1);
        assertThat(count(inRennes)).isEqualTo(1);

        browser.submit(mission(mission), mission(mission) + "/" + affectation + "/supprimer", Map.of());
        SharedPlatform.get().crossAcademy().drain().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(count(inRennes)).isZero();
    }

    @Test
    @Order(10)
    void theSuggestionsFindPersonsByNameAndTheTeachersOfADiscipline() {
        String url = mission(ConvocationMissions.ordinaire) + "/intervenants";
        assertThat(browser.get(url + "?nom=zzconvoc-un%20elo").body()).contains("\"nom\":\"ZZCONVOC-UN\"", "\"prenom\":\"Élodie\"")
                .doesNotContain("ZZCONVOC-DEUX");
        assertThat(browser.get(url + "?discipline=zzdisc").body()).contains("ZZCONVOC-UN", "ZZCONVOC-DEUX")
                .doesNotContain("ZZCONVOC-TROIS");
        assertThat(browser.get(url + "?nom=z").body()).isEqualTo("[]");
        // Without script: the search reloads the form with the results, a discipline's all ticked.
        String page = browser.get(form(ConvocationMissions.ordinaire) + "?discipline=zzdisc").body();
        assertThat(page).contains("id=\"personnel-" + ConvocationMissions.personnes[1] + "\" checked");
        assertThat(browser.get(form(ConvocationMissions.ordinaire) + "?nom=personne%20inconnue%20zz").body())
                .contains("contactez le gestionnaire IMAG'IN de votre académie");
        assertThat(LocalDate.now()).isBefore(DAY_ONE);
    }
}
