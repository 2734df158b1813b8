package fr.education.imagin.missions;

import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import fr.education.imagin.testkit.TestSql;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.education.imagin.missions.OfficeConvocationFixture.DAY_ONE;
import static fr.education.imagin.missions.OfficeConvocationFixture.designate;
import static fr.education.imagin.missions.OfficeConvocationFixture.mission;
import static fr.education.imagin.missions.OfficeConvocationFixture.person;
import static fr.education.imagin.testkit.TestSql.count;
import static fr.education.imagin.testkit.TestSql.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The academy office convenes the people it designated, from its mission page, over HTTP on the
 * shared platform with rows of its own ({@link OfficeConvocationFixture}): the statut, the
 * créneaux of each planned day, the audit entries, the mails with their PDF, SANTORIN and the
 * home académie in one write; a selection overtaken by events, or a wrong form, writes nothing;
 * unavailabilities and other convocations warn, then convene once confirmed ("Tout sélectionner"
 * without script); "Retirer" deletes a designation only; a chef d'établissement gets nothing.
 * What the convened see afterwards is read where they see it: the centre's "Convocation par
 * mission" and the person's convened affectations (PERS-4) with the PDF.
 */
class OfficeConvocationRoutesTest {

    private static final String PATH = "/toulouse/administration/missions/";
    private static final String OBSERVATION = "Se munir d'une pièce d'identité.";

    private static String base;
    private static Browser office;

    // Convened together: one of a commission (one day), one without mail (three days), one from Rennes.
    private static long ordinaire;
    private static long un;
    private static long deux;
    private static long rennais;
    private static long unPerson;
    // COEC, transmitted to SANTORIN, designated without qualité.
    private static long coec;
    private static long coecDesignee;
    // Stale selections and wrong forms.
    private static long perime;
    private static long quatre;
    private static long cinq;
    private static long ailleurs;
    // Warnings.
    private static long alerte;
    private static long huit;
    private static long neuf;
    // Retirer.
    private static long retrait;
    private static long dix;
    private static long onze;

    @BeforeAll
    static void arrange() {
        base = SharedPlatform.baseUrl();
        OfficeConvocationFixture.create();
        TestSql.inSchema("t_rennes", st -> st.execute("""
                insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                values ('ZZOFF-R', 'Mme', 'ZZOFFICE-RENNES', 'Nolwenn', date '1975-05-05', 'LETTRES')"""));
        TestSql.inSchema("t_toulouse", st -> {
            ordinaire = mission(st, "ZZOFF-ORD", "CORR");
            long commission = single(st, "insert into commission (mission_id, code, salle) values (" + ordinaire + ", 'C1', '12') returning id");
            st.execute("insert into commission_jour (commission_id, jour) values (" + commission + ", date '" + DAY_ONE + "')");
            // The hours a centre kept on the mission (CONV-8) prefill the office's form.
            st.execute("insert into mission_creneau_convocation (mission_id, jour, heure_debut, heure_fin) values ("
                    + ordinaire + ", date '" + DAY_ONE + "', time '08:30', time '12:00')");
            unPerson = person(st, "ZZOFF-1", "Mme", "ZZOFFICE-UN", "Élise", "elise.un@ac-toulouse.fr");
            un = designate(st, ordinaire, unPerson, "Correcteur", commission);
            deux = designate(st, ordinaire, person(st, "ZZOFF-2", "M.", "ZZOFFICE-DEUX", "Marc", ""), "Correcteur", null);
            long fromRennes = person(st, "ZZOFF-R", "Mme", "ZZOFFICE-RENNES", "Nolwenn", "nolwenn@ac-rennes.fr");
            st.execute("update personnel set academie_origine = 'rennes' where id = " + fromRennes);
            rennais = designate(st, ordinaire, fromRennes, "Correcteur", null);

            coec = mission(st, "ZZOFF-COEC", "COEC");
            coecDesignee = designate(st, coec, person(st, "ZZOFF-6", "M.", "ZZOFFICE-SIX", "Hugo", "hugo.six@ac-toulouse.fr"), "", null);

            perime = mission(st, "ZZOFF-PERIME", "CORR");
            quatre = designate(st, perime, person(st, "ZZOFF-4", "M.", "ZZOFFICE-QUATRE", "Paul", "paul@ac-toulouse.fr"), "Correcteur", null);
            cinq = designate(st, perime, person(st, "ZZOFF-5", "Mme", "ZZOFFICE-CINQ", "Inès", "ines@ac-toulouse.fr"), "Correcteur", null);
            long autre = mission(st, "ZZOFF-AUTRE", "CORR");
            ailleurs = designate(st, autre, person(st, "ZZOFF-7", "M.", "ZZOFFICE-SEPT", "Yves", "yves@ac-toulouse.fr"), "Correcteur", null);

            alerte = mission(st, "ZZOFF-ALERTE", "CORR");
            long eight = person(st, "ZZOFF-8", "Mme", "ZZOFFICE-HUIT", "Anne", "anne@ac-toulouse.fr");
            st.execute("insert into indisponibilite (personnel_id, debut, fin, motif, origine) values (" + eight + ", timestamp '"
                    + DAY_ONE + " 09:00', timestamp '" + DAY_ONE + " 11:00', 'Rendez-vous médical', 'EPP')");
            huit = designate(st, alerte, eight, "Correcteur", null);
            long nine = person(st, "ZZOFF-9", "M.", "ZZOFFICE-NEUF", "Loïc", "loic@ac-toulouse.fr");
            // Convened the next day elsewhere at overlapping times.
            long elsewhere = single(st, "insert into affectation (mission_id, personnel_id, qualite, statut, auteur, convoquee_le)"
                    + " values (" + autre + ", " + nine + ", 'Correcteur', 'CONVOQUEE', 'ACADEMIE', now()) returning id");
            st.execute("insert into affectation_creneau (affectation_id, jour, heure_debut, heure_fin) values (" + elsewhere
                    + ", date '" + DAY_ONE.plusDays(1) + "', time '10:00', time '16:00')");
            neuf = designate(st, alerte, nine, "Correcteur", null);

            retrait = mission(st, "ZZOFF-RETRAIT", "CORR");
            dix = designate(st, retrait, person(st, "ZZOFF-10", "M.", "ZZOFFICE-DIX", "Jean", "jean@ac-toulouse.fr"), "Correcteur", null);
            onze = single(st, "insert into affectation (mission_id, personnel_id, qualite, statut, auteur, convoquee_le) values ("
                    + retrait + ", " + person(st, "ZZOFF-11", "Mme", "ZZOFFICE-ONZE", "Rose", "rose@ac-toulouse.fr")
                    + ", 'Correcteur', 'CONVOQUEE', 'ACADEMIE', now()) returning id");
        });
        office = new Browser();
        assertThat(office.login(base, "toulouse", OfficeConvocationFixture.GESTIONNAIRE, OfficeConvocationFixture.PASSWORD)
                .statusCode()).isEqualTo(302);
    }

    @AfterAll
    static void signOut() {
        office.quit(base, "toulouse");
    }

    private static String page(long mission) {
        return base + PATH + mission;
    }

    private static HttpResponse<String> convoquer(long mission, Object... pairs) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.add(Map.entry((String) pairs[i], String.valueOf(pairs[i + 1])));
        }
        return office.submitPairs(page(mission), page(mission) + "/convoquer", fields);
    }

    @Test
    void theSelectionIsConvenedOnEachPlannedDayWithAuditMailsAndTheHomeAcademyInOneWrite() throws Exception {
        String before = office.get(page(ordinaire)).body();
        assertThat(before).contains("Convoquer la sélection", "id=\"designation-" + un + "\"", "id=\"designation-" + deux + "\"",
                "value=\"08:30\"", "value=\"12:00\"", "Se munir d&#39;une pièce d&#39;identité.</textarea>",
                "form=\"convocation-bureau\"", "name=\"designees\" value=\"");
        long mails = count("select count(*) from t_toulouse.mail_outbox");

        HttpResponse<String> done = convoquer(ordinaire, "affectation", un, "affectation", deux, "affectation", rennais,
                "heureDebut", "08:30", "heureFin", "12:00", "observationConvocation", OBSERVATION);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("location")).hasValue(PATH + ordinaire);

        assertThat(count("""
                select count(*) from t_toulouse.affectation where mission_id = %d and statut = 'CONVOQUEE' and auteur = 'ACADEMIE'
                  and convoquee_le is not null and observation = '%s'""".formatted(ordinaire, OBSERVATION.replace("'", "''"))))
                .isEqualTo(3);
        // Each on its planned days: the commission's one day, else the mission's three, at the typed hours.
        assertThat(creneaux(un)).isEqualTo(DAY_ONE + " 08:30:00-12:00:00");
        assertThat(creneaux(deux)).isEqualTo(DAY_ONE + " 08:30:00-12:00:00," + DAY_ONE.plusDays(1) + " 08:30:00-12:00:00,"
                + DAY_ONE.plusDays(2) + " 08:30:00-12:00:00");
        assertThat(count("select count(*) from t_toulouse.affectation_creneau where affectation_id = " + rennais)).isEqualTo(3);
        assertThat(count("select count(*) from platform.audit where action = 'CONVOCATION_ACADEMIE' and actor = '"
                + OfficeConvocationFixture.GESTIONNAIRE + "' and detail like 'mission=ZZOFF-ORD affectations=%de 08:30 à 12:00 creneaux=7'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from platform.audit where action = 'CONVOCATIONS_ENVOYEES'"
                + " and detail = 'academie mission=ZZOFF-ORD mels=2'")).isEqualTo(1);
        // CORR is not transmitted to SANTORIN; the person from Rennes is told to her home académie.
        assertThat(count("select count(*) from t_toulouse.santorin_envoi where mission_id = " + ordinaire)).isZero();
        assertThat(count("select count(*) from platform.interacademie_message where origine = 'toulouse' and destination = 'rennes'"
                + " and cle = 'toulouse:" + rennais + "' and recap is not null")).isEqualTo(1);

        // One mail per convened person with an address, the PDF attached, a copy to the centre.
        assertThat(count("select count(*) from t_toulouse.mail_outbox")).isEqualTo(mails + 2);
        assertThat(count("""
                select count(*) from t_toulouse.mail_outbox o join t_toulouse.mail_piece_jointe p on p.mail_id = o.id
                where o.destinataire = 'elise.un@ac-toulouse.fr' and o.copie = '%s' and o.state = 'EN_ATTENTE'
                  and o.sujet like 'Convocation - mission n° ZZOFF-ORD - %%'
                  and o.corps like '%%suivi par la division des examens et concours de l''académie ; le centre d''examen reçoit une copie%%'
                  and p.nom = 'ZZOFFICE-UN_Élise.pdf' and p.type_contenu = 'application/pdf'""".formatted(OfficeConvocationFixture.CENTRE_MAIL)))
                .isEqualTo(1);
        String attached = pdfText(attachment("elise.un@ac-toulouse.fr"));
        assertThat(attached).contains("ZZOFFICE-UN", "Division des examens et concours", "ZZOFF-ORD", "08:30", "12:00", "C1",
                "en qualité de correctrice", "pièce d'identité").doesNotContain("Dossier suivi par le centre d'examen");

        String after = office.get(page(ordinaire)).body();
        assertThat(after).contains("3 personnes sont convoquées sur la mission n° ZZOFF-ORD (de 08:30 à 12:00).",
                        "2 convocations sont placées dans la file des méls, avec une copie au centre d&#39;examen : aucun serveur",
                        "ZZOFFICE-DEUX Marc n&#39;a pas d&#39;adresse mél connue : sa convocation ne lui a pas été envoyée par mél.",
                        "Aucune personne désignée n'attend de convocation sur cette mission.")
                .doesNotContain("id=\"designation-" + un + "\"");

        // Where the convened are seen: the centre's "Convocation par mission" and the person's PERS-4 tab with the PDF.
        Browser chef = new Browser();
        assertThat(chef.login(base, "toulouse", OfficeConvocationFixture.CHEF, OfficeConvocationFixture.PASSWORD).statusCode())
                .isEqualTo(302);
        try {
            String centre = chef.get(base + "/toulouse/convocations/" + ordinaire).body();
            assertThat(centre).contains("ZZOFFICE-UN", "ZZOFFICE-DEUX", "Convoquée, Correcteur, Com. C1, Obs. spéc",
                    "Convoquée, Correcteur, Obs. spéc");
            String personnel = chef.get(base + "/toulouse/personnels/" + unPerson).body();
            assertThat(personnel).contains("Liste des affectations convoquées (1 ligne)", "T85, TCV, " + OfficeConvocationFixture.YEAR,
                    "/toulouse/personnels/" + unPerson + "/convocations/" + un);
            HttpResponse<byte[]> pdf = chef.download(base + "/toulouse/personnels/" + unPerson + "/convocations/" + un);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("content-type")).hasValue("application/pdf");
            assertThat(pdfText(pdf.body())).contains("Vous êtes convoquée en qualité de correctrice", "Division des examens et concours",
                    "08:30 à 12:00", "Se munir d'une pièce d'identité.");
        } finally {
            chef.quit(base, "toulouse");
        }
    }

    @Test
    void aTransmittedTypeTellsSantorinAndTakesTheTypesDefaultQualite() {
        HttpResponse<String> done = convoquer(coec, "affectation", coecDesignee, "heureDebut", "9h", "heureFin", "17:00",
                "observationConvocation", "");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(count("select count(*) from t_toulouse.affectation where id = " + coecDesignee
                + " and statut = 'CONVOQUEE' and qualite = 'Correcteur Santorin'")).isEqualTo(1);
        assertThat(count("select count(*) from t_toulouse.santorin_envoi where mission_id = " + coec)).isEqualTo(1);
        assertThat(count("""
                select count(*) from t_toulouse.santorin_envoi where mission_id = %d
                  and jsonb_array_length(contenu -> 'convoques') = 1
                  and contenu -> 'convoques' -> 0 ->> 'qualite' = 'Correcteur Santorin'
                  and jsonb_array_length(contenu -> 'convoques' -> 0 -> 'creneaux') = 3
                  and contenu -> 'convoques' -> 0 -> 'creneaux' -> 0 ->> 'debut' = '09:00'""".formatted(coec)))
                .isEqualTo(1);
    }

    @Test
    void aSelectionOvertakenByEventsOrAWrongFormWritesNothing() throws SQLException {
        // Convened meanwhile (another tab, another gestionnaire): the whole request is refused.
        TestSql.execute("update t_toulouse.affectation set statut = 'CONVOQUEE', convoquee_le = now() where id = " + quatre);
        String before = state(perime);
        HttpResponse<String> stale = convoquer(perime, "affectation", quatre, "affectation", cinq,
                "heureDebut", "08:00", "heureFin", "12:00", "observationConvocation", "");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Aucune convocation n&#39;a été faite : la sélection ne correspond plus",
                "ZZOFFICE-QUATRE Paul est déjà convoqué(e) sur cette mission (entre-temps).",
                // The row still designated stays ticked, the typed hours are kept.
                "id=\"designation-" + cinq + "\" name=\"affectation\" value=\"" + cinq + "\" form=\"convocation-bureau\" checked",
                "value=\"08:00\"");
        assertThat(state(perime)).isEqualTo(before);

        HttpResponse<String> foreign = convoquer(perime, "affectation", cinq, "affectation", ailleurs,
                "heureDebut", "08:00", "heureFin", "12:00");
        assertThat(foreign.statusCode()).isEqualTo(409);
        assertThat(foreign.body()).contains("ZZOFFICE-SEPT Yves n&#39;est pas désigné(e) sur la mission n° ZZOFF-PERIME.");
        HttpResponse<String> removed = convoquer(perime, "affectation", cinq, "affectation", "999999999",
                "heureDebut", "08:00", "heureFin", "12:00");
        assertThat(removed.statusCode()).isEqualTo(409);
        assertThat(removed.body()).contains("Une désignation sélectionnée n&#39;existe plus (retirée entre-temps).");

        HttpResponse<String> noHours = convoquer(perime, "affectation", cinq, "heureDebut", "", "heureFin", "12:00");
        assertThat(noHours.statusCode()).isEqualTo(400);
        assertThat(noHours.body()).contains("Saisissez l&#39;heure de début (HH:MM).", "fr-input-group--error");
        HttpResponse<String> reversed = convoquer(perime, "affectation", cinq, "heureDebut", "14:00", "heureFin", "12:00");
        assertThat(reversed.body()).contains("L&#39;heure de fin doit être après l&#39;heure de début.");
        HttpResponse<String> malformed = convoquer(perime, "affectation", cinq, "heureDebut", "25:00", "heureFin", "26h");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("L&#39;heure de début « 25:00 » n&#39;existe pas.");
        HttpResponse<String> none = convoquer(perime, "heureDebut", "08:00", "heureFin", "12:00");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Sélectionnez au moins une personne désignée à convoquer.");
        HttpResponse<String> control = convoquer(perime, "affectation", cinq, "heureDebut", "08:00", "heureFin", "12:00",
                "observationConvocation", "avant\u0007après");
        assertThat(control.body()).contains("Le champ « Observations sur la convocation » contient un caractère non autorisé.");
        assertThat(state(perime)).isEqualTo(before);
        assertThat(count("select count(*) from platform.audit where action = 'CONVOCATION_ACADEMIE' and detail like 'mission=ZZOFF-PERIME %'"))
                .isZero();
    }

    @Test
    void unavailabilityAndOtherConvocationsWarnThenTheConfirmationConvenesAll() throws SQLException {
        String before = state(alerte);
        HttpResponse<String> warned = convoquer(alerte, "affectation", huit, "affectation", neuf,
                "heureDebut", "08:00", "heureFin", "12:00", "observationConvocation", "");
        assertThat(warned.statusCode()).isEqualTo(200);
        assertThat(warned.body()).contains("ZZOFFICE-HUIT Anne est indisponible du " + frDate(DAY_ONE) + " 09:00 au " + frDate(DAY_ONE)
                        + " 11:00 (Rendez-vous médical).",
                "ZZOFFICE-NEUF Loïc est déjà convoqué(e) le " + frDate(DAY_ONE.plusDays(1)) + " de 10:00 à 16:00 (mission n° ZZOFF-AUTRE",
                "Convoquer malgré tout", "name=\"confirmer\" value=\"1\"",
                "value=\"" + huit + "\" form=\"convocation-bureau\" checked");
        assertThat(state(alerte)).isEqualTo(before);

        // Confirmed, with "Tout sélectionner" as a browser without script sends it.
        HttpResponse<String> confirmed = convoquer(alerte, "tout", "oui", "designees", huit + "," + neuf,
                "heureDebut", "08:00", "heureFin", "12:00", "observationConvocation", "", "confirmer", "1");
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(count("select count(*) from t_toulouse.affectation where mission_id = " + alerte + " and statut = 'CONVOQUEE'"))
                .isEqualTo(2);
        assertThat(count("select count(*) from t_toulouse.affectation_creneau k join t_toulouse.affectation a on a.id = k.affectation_id"
                + " where a.mission_id = " + alerte)).isEqualTo(6);
    }

    @Test
    void retirerDeletesADesignationOnlyAndIsAudited() {
        HttpResponse<String> removed = office.submit(page(retrait), page(retrait) + "/retirer", Map.of("affectation", String.valueOf(dix)));
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(count("select count(*) from t_toulouse.affectation where id = " + dix)).isZero();
        assertThat(count("select count(*) from platform.audit where action = 'DESIGNATION_RETIREE' and detail like 'mission=ZZOFF-RETRAIT affectation="
                + dix + " personnel=%'")).isEqualTo(1);
        assertThat(office.get(page(retrait)).body()).contains("ZZOFFICE-DIX Jean n&#39;est plus désigné(e) sur la mission n° ZZOFF-RETRAIT.");

        office.submit(page(retrait), page(retrait) + "/retirer", Map.of("affectation", String.valueOf(onze)));
        assertThat(count("select count(*) from t_toulouse.affectation where id = " + onze + " and statut = 'CONVOQUEE'")).isEqualTo(1);
        assertThat(office.get(page(retrait)).body()).contains("ZZOFFICE-ONZE Rose est déjà convoqué(e) sur cette mission : seule une désignation");
        office.submit(page(retrait), page(retrait) + "/retirer", Map.of("affectation", String.valueOf(dix)));
        assertThat(office.get(page(retrait)).body()).contains("Cette désignation n&#39;existe plus sur cette mission : rien n&#39;a été retiré.");
        assertThat(count("select count(*) from platform.audit where action = 'DESIGNATION_RETIREE' and detail like 'mission=ZZOFF-RETRAIT %'"))
                .isEqualTo(1);
    }

    @Test
    void aChefDEtablissementCanNeitherConveneNorRetire() throws SQLException {
        Browser chef = new Browser();
        assertThat(chef.login(base, "toulouse", OfficeConvocationFixture.CHEF, OfficeConvocationFixture.PASSWORD).statusCode())
                .isEqualTo(302);
        try {
            String before = state(perime);
            assertThat(chef.submit(base + "/toulouse/", page(perime) + "/convoquer", Map.of("affectation", String.valueOf(cinq),
                    "heureDebut", "08:00", "heureFin", "12:00", "confirmer", "1")).statusCode()).isEqualTo(403);
            assertThat(chef.submit(base + "/toulouse/", page(perime) + "/retirer", Map.of("affectation", String.valueOf(cinq)))
                    .statusCode()).isEqualTo(403);
            assertThat(state(perime)).isEqualTo(before);
        } finally {
            chef.quit(base, "toulouse");
        }
    }

    /** The mission's affectations and créneaux, the audit entries and the mails: what a refused request must leave alone. */
    private static String state(long mission) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); PreparedStatement query = conn.prepareStatement("""
                select (select coalesce(string_agg(a.id || ',' || a.statut || ',' || a.observation || ',' || coalesce(a.convoquee_le::text, '')
                                                   || ',' || (select count(*) from t_toulouse.affectation_creneau k where k.affectation_id = a.id),
                                                   ' | ' order by a.id), '')
                        from t_toulouse.affectation a where a.mission_id = ?)
                       || ' / ' || (select count(*) from t_toulouse.mail_outbox)
                       || ' / ' || (select count(*) from platform.audit where action in ('CONVOCATION_ACADEMIE', 'CONVOCATIONS_ENVOYEES', 'DESIGNATION_RETIREE'))
                       || ' / ' || (select count(*) from t_toulouse.santorin_envoi)""")) {
            query.setLong(1, mission);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static String creneaux(long affectation) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); PreparedStatement query = conn.prepareStatement("""
                select string_agg(jour || ' ' || heure_debut || '-' || heure_fin, ',' order by jour)
                from t_toulouse.affectation_creneau where affectation_id = ?""")) {
            query.setLong(1, affectation);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static byte[] attachment(String to) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); PreparedStatement query = conn.prepareStatement("""
                select p.contenu from t_toulouse.mail_outbox o join t_toulouse.mail_piece_jointe p on p.mail_id = o.id
                where o.destinataire = ? order by o.id desc limit 1""")) {
            query.setString(1, to);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a mail to " + to).isTrue();
                return rows.getBytes(1);
            }
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String frDate(LocalDate day) {
        return FrenchFormats.date(day);
    }
}
