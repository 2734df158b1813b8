package fr.education.imagin.indisponibilites;

import fr.education.imagin.core.security.Role;
import fr.education.imagin.demo.DemoAccount;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Saisie d'indisponibilité" through its routes, on the real platform and PostgreSQL, signed in
 * as the chef of a Toulouse collège: what is written, what is refused and the mails queued for
 * the exam managers (INDISPO-1…3).
 */
class IndisponibilitesRoutesTest {

    private static final String OTHER_UAI = "0310038Y";
    private static final String NOM = "INDISPO-ROUTES";
    private static final String NOM_AUTRE = "INDISPO-AILLEURS";
    private static final String GEST_A = "gest.indispo-a@ac-toulouse.fr";
    private static final String GEST_B = "gest.indispo-b@ac-toulouse.fr";

    private static String base;
    private static String login;
    private static String uai;
    private static long personnel;
    private static long autre;
    private static Browser browser;

    @BeforeAll
    static void arrange() throws SQLException {
        base = SharedPlatform.baseUrl();
        DemoAccount college = SharedPlatform.get().demoAccounts().stream()
                .filter(a -> "toulouse".equals(a.tenantCode()) && a.role() == Role.CHEF_ETABLISSEMENT
                        && a.uais().size() == 1 && !a.uais().get(0).equals(OTHER_UAI))
                .findFirst().orElseThrow();
        login = college.login();
        uai = college.uais().get(0);
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("set search_path to t_toulouse");
            personnel = id(st, """
                    insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                    values ('INDISPO-ROUTES-1', 'Mme', '%s', 'Camille', date '1979-04-02', 'MATHEMATIQUES') returning id"""
                    .formatted(NOM));
            st.execute("insert into lieu_exercice (personnel_id, uai, principal) values (%d, '%s', true), (%d, '%s', false)"
                    .formatted(personnel, OTHER_UAI, personnel, uai));
            autre = id(st, """
                    insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                    values ('INDISPO-ROUTES-2', 'M.', '%s', 'Paul', date '1975-01-20', 'ANGLAIS') returning id"""
                    .formatted(NOM_AUTRE));
            st.execute("insert into lieu_exercice (personnel_id, uai, principal) values (%d, '%s', true)".formatted(autre, OTHER_UAI));

            // Three exams: two with their own manager, one without (the académie's contact manages it).
            st.execute("""
                    insert into examen (code, sigle, libelle, famille, gestionnaire_mail) values
                      ('T91', 'TIA', 'EXAMEN TEST A', 'AUTRE', '%s'),
                      ('T92', 'TIB', 'EXAMEN TEST B', 'AUTRE', '%s'),
                      ('T93', 'TIC', 'EXAMEN TEST C', 'AUTRE', null)""".formatted(GEST_A, GEST_B));
            st.execute("""
                    insert into session_examen (examen_code, annee, libelle) values
                      ('T91', 2031, 'T91, TIA, 2031 ,TEST 2031'), ('T92', 2031, 'T92, TIB, 2031 ,TEST 2031'),
                      ('T93', 2031, 'T93, TIC, 2031 ,TEST 2031')""");
            // M1 (A): créneaux 10/06 08-12 and 11/06 14-18. M2 (A): the whole day 11/06, no créneau.
            // M3 (B): créneau 11/06 08-10. M4 (C): 01/09, no créneau.
            long m1 = mission(st, "INDISPO-M1", "T91", "2031-06-10", "2031-06-12");
            long m2 = mission(st, "INDISPO-M2", "T91", "2031-06-11", "2031-06-11");
            long m3 = mission(st, "INDISPO-M3", "T92", "2031-06-11", "2031-06-11");
            long m4 = mission(st, "INDISPO-M4", "T93", "2031-09-01", "2031-09-01");
            long a1 = affectation(st, m1, personnel);
            affectation(st, m2, personnel);
            long a3 = affectation(st, m3, personnel);
            affectation(st, m4, personnel);
            st.execute("""
                    insert into affectation_creneau (affectation_id, jour, heure_debut, heure_fin) values
                      (%d, date '2031-06-10', time '08:00', time '12:00'), (%d, date '2031-06-11', time '14:00', time '18:00'),
                      (%d, date '2031-06-11', time '08:00', time '10:00')""".formatted(a1, a1, a3));
        }
        browser = new Browser();
        assertThat(browser.login(base, "toulouse", login, "imagin-demo").statusCode()).isEqualTo(302);
    }

    @AfterAll
    static void signOut() {
        browser.quit(base, "toulouse");
    }

    // ---- INDISPO-1: the list and the detail -------------------------------------------------

    @Test
    void theListShowsTheEstablishmentsStaffOnlyAndTheDetailRefusesOthers() throws SQLException {
        HttpResponse<String> list = browser.get(base + "/toulouse/indisponibilites/?q=indispo");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(NOM, "02/04/1979", "MATHEMATIQUES", "Liste des personnels (1 ligne)")
                .doesNotContain(NOM_AUTRE);

        HttpResponse<String> csv = browser.get(base + "/toulouse/indisponibilites/export.csv?q=indispo");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Nom;Prénom;Date de naissance;Discipline de poste", NOM + ";Camille;02/04/1979;MATHEMATIQUES");

        assertThat(browser.get(base + "/toulouse/indisponibilites/export.pdf?q=indispo").statusCode()).isEqualTo(200);
        assertThat(browser.get(base + "/toulouse/aide/indisponibilites").body()).contains("Aide : Saisie d");
        assertThat(browser.get(base + "/toulouse/indisponibilites/" + personnel).statusCode()).isEqualTo(200);
        HttpResponse<String> foreign = browser.get(base + "/toulouse/indisponibilites/" + autre);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(text(foreign)).contains("Cette personne n'exerce pas dans votre établissement");
        assertThat(browser.get(base + "/toulouse/indisponibilites/" + autre + "/ajout").statusCode()).isEqualTo(404);
        assertThat(browser.get(base + "/toulouse/indisponibilites/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void theDetailListsNewestFirstWithTheCrossOnlyOnThisEstablishmentsRows() throws SQLException {
        long epp = insertIndisponibilite(personnel, "2031-01-05 08:00", "2031-01-06 17:00", "FORMATION EPP", "EPP", null);
        long ailleurs = insertIndisponibilite(personnel, "2031-02-05 08:00", "2031-02-05 17:00", "SORTIE AUTRE ETAB", "ETABLISSEMENT", OTHER_UAI);
        long mienne = insertIndisponibilite(personnel, "2031-03-05 13:30", "2031-03-05 17:30", "CONSEIL DE CLASSE", "ETABLISSEMENT", uai);

        String page = text(browser.get(base + "/toulouse/indisponibilites/" + personnel));
        assertThat(page).contains("<td>05/03/2031</td><td>13:30</td><td>05/03/2031</td><td>17:30</td>",
                "<td>CONSEIL DE CLASSE</td><td>Établissement</td>", "<td>FORMATION EPP</td><td>EPP</td>");
        assertThat(page.indexOf("CONSEIL DE CLASSE")).isLessThan(page.indexOf("SORTIE AUTRE ETAB"));
        assertThat(page.indexOf("SORTIE AUTRE ETAB")).isLessThan(page.indexOf("FORMATION EPP"));
        assertThat(page).contains("name=\"indisponibilite\" value=\"" + mienne + "\"")
                .doesNotContain("name=\"indisponibilite\" value=\"" + epp + "\"")
                .doesNotContain("name=\"indisponibilite\" value=\"" + ailleurs + "\"");
    }

    // ---- INDISPO-2: add ------------------------------------------------------------------------

    @Test
    void aValidPeriodIsAddedWithItsAuditEntry() throws SQLException {
        long audits = count("select count(*) from platform.audit where actor = '" + login + "' and action = 'INDISPONIBILITE_AJOUTEE'");
        HttpResponse<String> added = add(personnel, "03/03/2032", "08:00", "04/03/2032", "18h", "Voyage scolaire");
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("location")).hasValue("/toulouse/indisponibilites/" + personnel);
        assertThat(count("""
                select count(*) from t_toulouse.indisponibilite where personnel_id = %d and motif = 'Voyage scolaire'
                  and debut = timestamp '2032-03-03 08:00' and fin = timestamp '2032-03-04 18:00'
                  and origine = 'ETABLISSEMENT' and declarant_uai = '%s'""".formatted(personnel, uai))).isEqualTo(1);
        assertThat(count("select count(*) from platform.audit where actor = '" + login + "' and action = 'INDISPONIBILITE_AJOUTEE'"))
                .isEqualTo(audits + 1);
        assertThat(text(browser.get(base + "/toulouse/indisponibilites/" + personnel)))
                .contains("Information : L'indisponibilité du 03/03/2032 08:00 au 04/03/2032 18:00 est enregistrée.");
    }

    @Test
    void anEndBeforeTheStartIsRefusedInTheConsoleAndNothingIsWritten() throws SQLException {
        assertRefused(add(personnel, "12/06/2032", "08:00", "11/06/2032", "18:00", "Stage"),
                "La fin de l'indisponibilité (11/06/2032 18:00) doit être postérieure à son début (12/06/2032 08:00).");
    }

    @Test
    void aWronglyTypedDateIsRefusedInTheConsoleAndNothingIsWritten() throws SQLException {
        String form = assertRefused(add(personnel, "2032-06-12", "08:00", "13/06/2032", "18:00", "Stage"),
                "La date de début « 2032-06-12 » n'est pas au format JJ/MM/AAAA.");
        assertThat(form).contains("value=\"2032-06-12\"", "value=\"Stage\"", "<li>La date de début « 2032-06-12 »");
        assertThat(form).doesNotContain("name=\"X-XSRF-TOKEN\" value=\"\"");
    }

    @Test
    void aMissingMotifIsRefusedInTheConsoleAndNothingIsWritten() throws SQLException {
        assertRefused(add(personnel, "12/06/2032", "08:00", "13/06/2032", "18:00", "   "), "Le motif est obligatoire.");
    }

    /** Issue #10 point 7: a motif past 8 KiB used to get a bare "Requête invalide" with what was typed lost. */
    @Test
    void aVeryLongMotifIsRefusedWithItsOwnMessageAndTheFormKept() throws SQLException {
        String form = assertRefused(add(personnel, "12/06/2032", "08:00", "13/06/2032", "18:00", "M".repeat(9000)),
                "Le motif ne peut pas dépasser 200 caractères.");
        assertThat(form).contains("value=\"12/06/2032\"");
    }

    @Test
    void theStaffOfAnotherEstablishmentCannotBeGivenAnUnavailability() throws SQLException {
        long before = count("select count(*) from t_toulouse.indisponibilite where personnel_id = " + autre);
        HttpResponse<String> refused = add(autre, "12/06/2032", "08:00", "13/06/2032", "18:00", "Stage");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(count("select count(*) from t_toulouse.indisponibilite where personnel_id = " + autre)).isEqualTo(before);
    }

    @Test
    void writesNeedTheCsrfTokenAndAnOpenActivity() throws SQLException {
        long before = count("select count(*) from t_toulouse.indisponibilite where personnel_id = " + personnel);
        Map<String, String> fields = Map.of("dateDebut", "01/10/2032", "heureDebut", "08:00", "dateFin", "01/10/2032",
                "heureFin", "10:00", "motif", "Sans jeton");
        assertThat(browser.post(base + "/toulouse/indisponibilites/" + personnel + "/ajout", fields).statusCode()).isEqualTo(403);
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("update t_toulouse.activite set ouverte = false where code = 'indisponibilites'");
        }
        try {
            HttpResponse<String> closed = add(personnel, "01/10/2032", "08:00", "01/10/2032", "10:00", "Activité fermée");
            assertThat(closed.statusCode()).isEqualTo(403);
            assertThat(text(closed)).contains("n'est pas ouverte");
        } finally {
            try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
                st.execute("update t_toulouse.activite set ouverte = true where code = 'indisponibilites'");
            }
        }
        assertThat(count("select count(*) from t_toulouse.indisponibilite where personnel_id = " + personnel)).isEqualTo(before);
    }

    // ---- INDISPO-2: delete ---------------------------------------------------------------------

    @Test
    void theEstablishmentDeletesARowItDeclaredWithItsAuditEntry() throws SQLException {
        long mienne = insertIndisponibilite(personnel, "2033-01-10 08:00", "2033-01-10 12:00", "A SUPPRIMER", "ETABLISSEMENT", uai);
        HttpResponse<String> deleted = delete(personnel, mienne);
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(count("select count(*) from t_toulouse.indisponibilite where id = " + mienne)).isZero();
        assertThat(count("select count(*) from platform.audit where actor = '" + login
                + "' and action = 'INDISPONIBILITE_SUPPRIMEE' and detail like 'indisponibilite=" + mienne + " %'")).isEqualTo(1);
        assertThat(text(browser.get(base + "/toulouse/indisponibilites/" + personnel)))
                .contains("Information : L'indisponibilité est supprimée.");
    }

    @Test
    void importedRowsAndOtherEstablishmentsRowsAreRefusedByTheServer() throws SQLException {
        long epp = insertIndisponibilite(personnel, "2033-02-10 08:00", "2033-02-10 12:00", "IMPORT SIRHEN", "SIRHEN", null);
        long ailleurs = insertIndisponibilite(personnel, "2033-02-11 08:00", "2033-02-11 12:00", "DECLAREE AILLEURS", "ETABLISSEMENT", OTHER_UAI);
        for (long id : List.of(epp, ailleurs)) {
            assertThat(delete(personnel, id).statusCode()).isEqualTo(303);
            assertThat(count("select count(*) from t_toulouse.indisponibilite where id = " + id)).isEqualTo(1);
            assertThat(text(browser.get(base + "/toulouse/indisponibilites/" + personnel))).contains("Erreur : Suppression impossible : "
                    + "vous ne pouvez supprimer que les indisponibilités déclarées par votre établissement.");
        }
        // Someone who no longer works here: even a row this establishment declared is out of reach.
        long ancienne = insertIndisponibilite(autre, "2033-02-12 08:00", "2033-02-12 12:00", "ANCIEN PERSONNEL", "ETABLISSEMENT", uai);
        assertThat(delete(autre, ancienne).statusCode()).isEqualTo(404);
        assertThat(count("select count(*) from t_toulouse.indisponibilite where id = " + ancienne)).isEqualTo(1);
    }

    // ---- INDISPO-3: mails to the exam managers --------------------------------------------------

    @Test
    void anOverlapQueuesExactlyOneMailPerExamManagerNamingPersonPeriodAndMissions() throws SQLException {
        long before = maxMail();
        assertThat(add(personnel, "11/06/2031", "07:00", "11/06/2031", "19:00", "Jury de concours").statusCode()).isEqualTo(303);
        List<String[]> mails = mailsAfter(before);
        assertThat(mails).extracting(m -> m[0]).containsExactlyInAnyOrder(GEST_A, GEST_B);
        String a = mails.stream().filter(m -> m[0].equals(GEST_A)).findFirst().orElseThrow()[2];
        assertThat(a).contains("Mme " + NOM + " Camille", "du 11/06/2031 07:00 au 11/06/2031 19:00", "Motif : Jury de concours",
                "mission n° INDISPO-M1", "mission n° INDISPO-M2", "T91 TIA").doesNotContain("INDISPO-M3", "INDISPO-M4");
        String b = mails.stream().filter(m -> m[0].equals(GEST_B)).findFirst().orElseThrow()[2];
        assertThat(b).contains("mission n° INDISPO-M3").doesNotContain("INDISPO-M1", "INDISPO-M2");
        assertThat(mails.get(0)[1]).isEqualTo("IMAG'IN - Indisponibilité déclarée pour Mme " + NOM + " Camille, affecté(e) à des missions");
        // The test platform has no SMTP server: the screen says the mails are queued, never that they are sent.
        assertThat(text(browser.get(base + "/toulouse/indisponibilites/" + personnel)))
                .contains("un mél pour chacun des 2 gestionnaires des examens concernés est placé dans la file d'envoi"
                        + " de l'académie (l'envoi de courriels n'est pas configuré : le service gestionnaire de l'académie"
                        + " le voit dans sa liste des courriels).")
                .doesNotContain("mél est envoyé");
        assertThat(text(browser.get(base + "/toulouse/indisponibilites/" + personnel + "/ajout")))
                .contains("est placé dans la file d'envoi de l'académie").doesNotContain("mél est envoyé");
    }

    @Test
    void withSmtpConfiguredTheScreenSaysTheMailsAreSent() {
        assertThat(IndisponibilitesActivity.mailNotice(2, true))
                .isEqualTo("un mél est envoyé à chacun des 2 gestionnaires des examens concernés.");
        assertThat(IndisponibilitesActivity.mailNotice(1, true)).isEqualTo("un mél est envoyé au gestionnaire de l'examen concerné.");
        assertThat(IndisponibilitesActivity.mailNotice(1, false)).startsWith("un mél pour le gestionnaire de l'examen concerné"
                + " est placé dans la file d'envoi de l'académie");
    }

    @Test
    void periodsThatOnlyTouchTheAffectationsQueueNoMail() throws SQLException {
        long before = maxMail();
        // Between the 10/06 créneau (ends 12:00) and the next day; M1's mission days do not count: it has créneaux.
        assertThat(add(personnel, "10/06/2031", "12:00", "11/06/2031", "00:00", "Réunion").statusCode()).isEqualTo(303);
        // Starts when M2's only day ends; ends the minute before M4's day starts.
        assertThat(add(personnel, "12/06/2031", "00:00", "31/08/2031", "23:59", "Congé").statusCode()).isEqualTo(303);
        assertThat(mailsAfter(before)).isEmpty();
    }

    @Test
    void boundariesAreHalfOpenAndAnExamWithoutManagerGoesToTheAcademyContact() throws SQLException {
        long before = maxMail();
        // Up to 11/06 00:00: M2 (whole day 11/06) only touches; the 10/06 08-12 créneau of M1 overlaps.
        assertThat(add(personnel, "09/06/2031", "08:00", "11/06/2031", "00:00", "Formation").statusCode()).isEqualTo(303);
        List<String[]> mails = mailsAfter(before);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0)[0]).isEqualTo(GEST_A);
        assertThat(mails.get(0)[2]).contains("INDISPO-M1").doesNotContain("INDISPO-M2");

        long then = maxMail();
        assertThat(add(personnel, "01/09/2031", "23:00", "02/09/2031", "08:00", "Déménagement").statusCode()).isEqualTo(303);
        List<String[]> contact = mailsAfter(then);
        assertThat(contact).hasSize(1);
        assertThat(contact.get(0)[0]).isEqualTo("dec@ac-toulouse.fr");
        assertThat(contact.get(0)[2]).contains("INDISPO-M4");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static HttpResponse<String> add(long person, String dateDebut, String heureDebut, String dateFin, String heureFin,
                                            String motif) {
        String path = base + "/toulouse/indisponibilites/" + person;
        return browser.submit(base + "/toulouse/indisponibilites/" + personnel, path + "/ajout", Map.of("dateDebut", dateDebut,
                "heureDebut", heureDebut, "dateFin", dateFin, "heureFin", heureFin, "motif", motif));
    }

    private static HttpResponse<String> delete(long person, long indisponibilite) {
        return browser.submit(base + "/toulouse/indisponibilites/" + personnel,
                base + "/toulouse/indisponibilites/" + person + "/suppression", Map.of("indisponibilite", String.valueOf(indisponibilite)));
    }

    /** Refused: back to the form (post/redirect/get) with the messages; nothing written. Returns the form. */
    private static String assertRefused(HttpResponse<String> response, String message) throws SQLException {
        long rows = count("select count(*) from t_toulouse.indisponibilite");
        long mails = maxMail();
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("location")).hasValue("/toulouse/indisponibilites/" + personnel + "/ajout");
        String form = text(browser.get(base + "/toulouse/indisponibilites/" + personnel + "/ajout"));
        assertThat(form).contains("Erreur : " + message, "Erreur : L'indisponibilité n'a pas été enregistrée.");
        assertThat(count("select count(*) from t_toulouse.indisponibilite")).isEqualTo(rows);
        assertThat(maxMail()).isEqualTo(mails);
        return form;
    }

    /** The page with the entities Freemarker writes for quotes turned back. */
    private static String text(HttpResponse<String> response) {
        return response.body().replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static long insertIndisponibilite(long person, String debut, String fin, String motif, String origine, String declarant)
            throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); PreparedStatement st = conn.prepareStatement("""
                insert into t_toulouse.indisponibilite (personnel_id, debut, fin, motif, origine, declarant_uai)
                values (?, ?::timestamp, ?::timestamp, ?, ?, ?) returning id""")) {
            st.setLong(1, person);
            st.setString(2, debut);
            st.setString(3, fin);
            st.setString(4, motif);
            st.setString(5, origine);
            st.setString(6, declarant);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long maxMail() throws SQLException {
        return count("select coalesce(max(id), 0) from t_toulouse.mail_outbox");
    }

    /** (destinataire, sujet, corps) queued after the mail {@code id}. */
    private static List<String[]> mailsAfter(long id) throws SQLException {
        List<String[]> mails = new ArrayList<>();
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("select destinataire, sujet, corps from t_toulouse.mail_outbox where id > " + id + " order by id")) {
            while (rs.next()) {
                mails.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        return mails;
    }

    private static long mission(Statement st, String numero, String examen, String debut, String fin) throws SQLException {
        return id(st, """
                insert into mission (numero, type_code, session_id, centre_uai, date_debut, date_fin)
                select '%s', (select code from type_mission order by code limit 1), s.id, '%s', date '%s', date '%s'
                from session_examen s where s.examen_code = '%s' and s.annee = 2031 returning id"""
                .formatted(numero, OTHER_UAI, debut, fin, examen));
    }

    private static long affectation(Statement st, long mission, long person) throws SQLException {
        return id(st, "insert into affectation (mission_id, personnel_id, statut, auteur) values (%d, %d, 'AFFECTEE', 'ACADEMIE') returning id"
                .formatted(mission, person));
    }

    private static long id(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
