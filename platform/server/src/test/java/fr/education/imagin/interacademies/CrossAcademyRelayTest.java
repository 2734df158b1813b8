package fr.education.imagin.interacademies;

import fr.education.imagin.Platform;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.demo.DemoAccount;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * INDISPO-4 between two demo académies: Toulouse (B) convenes a person whose home is Rennes (A),
 * matched by NUMEN. Rennes gets one read-only unavailability per time slot with the recap, a
 * modification replaces them, a deletion removes them; a disabled Rennes keeps its messages
 * until re-enabled; two consumers apply each message exactly once.
 */
class CrossAcademyRelayTest {

    private static Platform platform;
    private static TenantSql sql;
    private static CrossAcademyRelay relay;
    private static Tenant toulouse;
    private static DemoAccount chef;
    private static long rennesPerson;
    private static long affectation;

    @BeforeAll
    static void arrange() throws SQLException {
        platform = SharedPlatform.get();
        sql = new TenantSql(platform.database().pool());
        relay = platform.crossAcademy();
        toulouse = platform.tenants().active("toulouse").orElseThrow();
        chef = platform.demoAccounts().stream()
                .filter(a -> "rennes".equals(a.tenantCode()) && a.login().startsWith("ce.0")).findFirst().orElseThrow();
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            // At home in Rennes, working in the chef's establishment...
            rennesPerson = single(st, """
                    insert into t_rennes.personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                    values ('XACAD-0001', 'Mme', 'ZZINTERACAD', 'Anne', date '1978-04-12', 'HISTOIRE-GÉOGRAPHIE') returning id""");
            st.execute("insert into t_rennes.lieu_exercice (personnel_id, uai, principal) values (%d, '%s', true)"
                    .formatted(rennesPerson, chef.uais().get(0)));
            // ...and convened in Toulouse, where she is known as coming from Rennes.
            st.execute("set search_path to t_toulouse");
            st.execute("""
                    insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste, academie_origine)
                    values ('XACAD-0001', 'Mme', 'ZZINTERACAD', 'Anne', date '1978-04-12', 'HISTOIRE-GÉOGRAPHIE', 'rennes')""");
            long mission = single(st, """
                    insert into mission (numero, type_code, session_id, centre_uai, date_debut, date_fin)
                    values ('XACAD-M1', (select code from type_mission order by code limit 1), (select id from session_examen order by id limit 1),
                            '0310038Y', date '2026-06-22', date '2026-06-23') returning id""");
            affectation = single(st, """
                    insert into affectation (mission_id, personnel_id, qualite, statut, auteur, convoquee_le)
                    select %d, id, 'Examinateur', 'CONVOQUEE', 'ACADEMIE', now() from personnel where numen = 'XACAD-0001'
                    returning id""".formatted(mission));
            st.execute("""
                    insert into affectation_creneau (affectation_id, jour, heure_debut, heure_fin)
                    values (%1$d, date '2026-06-22', time '08:00', time '12:00'), (%1$d, date '2026-06-23', time '13:30', time '17:30')"""
                    .formatted(affectation));
        }
    }

    @Test
    void aConvocationElsewhereBecomesUnavailabilitiesAtHomeThenFollowsItsChanges() throws Exception {
        // Convened: the two time slots with Toulouse's recap.
        publishCurrent();
        awaitApplied();
        List<String[]> rows = rennesRows("toulouse:" + affectation);
        assertThat(rows).extracting(r -> r[1] + " " + r[2]).containsExactly(
                "2026-06-22 08:00:00 2026-06-22 12:00:00", "2026-06-23 13:30:00 2026-06-23 17:30:00");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r[3]).isEqualTo("Convocation par IMAG'IN ACADEMIE DE TOULOUSE");
            assertThat(r[4]).isEqualTo("AUTRE_ACADEMIE");
            assertThat(r[5]).isEqualTo("toulouse");
            JsonObject recap = new JsonObject(r[6]);
            assertThat(recap.getString("academie")).isEqualTo("ACADEMIE DE TOULOUSE");
            assertThat(recap.getString("numero")).isEqualTo("XACAD-M1");
            assertThat(recap.getString("qualite")).isEqualTo("Examinateur");
            assertThat(recap.getString("centre")).contains("(0310038Y)");
            assertThat(recap.getJsonArray("creneaux")).hasSize(2);
        });

        // The person's detail in Rennes links the recap, which reads Toulouse's convocation.
        Browser browser = new Browser();
        String base = SharedPlatform.baseUrl();
        assertThat(browser.login(base, "rennes", chef.login(), "imagin-demo").statusCode()).isEqualTo(302);
        try {
            String detail = browser.get(base + "/rennes/personnels/" + rennesPerson).body();
            String link = "/rennes/personnels/" + rennesPerson + "/indisponibilites/" + rows.get(0)[0];
            assertThat(detail).contains("href=\"" + link + "\"", "Convocation par IMAG&#39;IN ACADEMIE DE TOULOUSE");
            HttpResponse<String> recap = browser.get(base + link);
            assertThat(recap.statusCode()).isEqualTo(200);
            assertThat(recap.body()).contains("Récapitulatif de convocation", "ACADEMIE DE TOULOUSE", "XACAD-M1", "Examinateur",
                    "de 08:00 à 12:00", "de 13:30 à 17:30");
        } finally {
            browser.quit(base, "rennes");
        }

        // Modified in Toulouse (one day left, other times): the rows are replaced.
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("delete from t_toulouse.affectation_creneau where affectation_id = %d and jour = date '2026-06-23'".formatted(affectation));
            st.execute("update t_toulouse.affectation_creneau set heure_debut = time '09:00' where affectation_id = %d".formatted(affectation));
        }
        publishCurrent();
        awaitApplied();
        List<String[]> modified = rennesRows("toulouse:" + affectation);
        assertThat(modified).extracting(r -> r[1] + " " + r[2]).containsExactly("2026-06-22 09:00:00 2026-06-22 12:00:00");
        assertThat(modified.get(0)[0]).isNotIn(rows.get(0)[0], rows.get(1)[0]);

        // Deleted in Toulouse: read before the delete, published as deleted.
        await(sql.inTenant(toulouse, conn -> relay.current(conn, toulouse, affectation).compose(change ->
                relay.publish(conn, change.orElseThrow().deleted())
                        .compose(v -> conn.query("delete from affectation where id = " + affectation).execute()).mapEmpty())));
        relay.wake();
        awaitApplied();
        assertThat(rennesRows("toulouse:" + affectation)).isEmpty();
    }

    @Test
    void onlyPeopleFromElsewhereAreRelayedAndAnUnknownNumenIsNotApplicable() throws Exception {
        long local = single("select id from t_toulouse.affectation where statut <> 'AFFECTEE' and personnel_id in "
                + "(select id from t_toulouse.personnel where academie_origine is null) limit 1");
        Optional<CrossAcademyConvocation> localPerson = await(sql.inTenant(toulouse, conn -> relay.current(conn, toulouse, local)));
        Optional<CrossAcademyConvocation> missing = await(sql.inTenant(toulouse, conn -> relay.current(conn, toulouse, -1)));
        assertThat(localPerson).isEmpty();
        assertThat(missing).isEmpty();

        CrossAcademyConvocation unknown = convocation(910_001, "XACAD-INCONNU", LocalTime.of(8, 0));
        await(sql.inTenant(toulouse, conn -> relay.publish(conn, unknown)));
        await(relay.drain());
        assertThat(message("toulouse:910001")).containsExactly("SANS_OBJET", "1", "NUMEN inconnu dans l'académie");
        assertThat(rennesRows("toulouse:910001")).isEmpty();
    }

    @Test
    void aDisabledHomeAcademyKeepsItsMessagesUntilReEnabled() throws Exception {
        CrossAcademyConvocation change = convocation(910_002, "XACAD-0001", LocalTime.of(10, 0));
        setRennesActive(false);
        try {
            await(sql.inTenant(toulouse, conn -> relay.publish(conn, change)));
            relay.wake();
            await(relay.drain());
            assertThat(message("toulouse:910002")).containsExactly("EN_ATTENTE", "0", null);
            assertThat(rennesRows("toulouse:910002")).isEmpty();
        } finally {
            setRennesActive(true);
        }
        await(relay.drain());
        assertThat(message("toulouse:910002")).containsExactly("APPLIQUE", "1", null);
        assertThat(rennesRows("toulouse:910002")).hasSize(1);
    }

    @Test
    void twoConsumersApplyEachMessageExactlyOnceAndInOrderPerConvocation() throws Exception {
        // Five convocations, each published three times with other times: the last one must win.
        List<CrossAcademyConvocation> changes = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < 5; k++) {
                changes.add(convocation(920_000 + k, "XACAD-0001", LocalTime.of(8 + round, 0)));
            }
        }
        await(sql.inTenant(toulouse, conn -> {
            Future<Void> chain = Future.succeededFuture();
            for (CrossAcademyConvocation c : changes) {
                chain = chain.compose(v -> relay.publish(conn, c));
            }
            return chain;
        }));
        CrossAcademyRelay first = new CrossAcademyRelay(platform.vertx(), sql, platform.tenants(), "consumer-1");
        CrossAcademyRelay second = new CrossAcademyRelay(platform.vertx(), sql, platform.tenants(), "consumer-2");
        await(Future.all(first.drain(), second.drain(), first.drain(), second.drain()));
        await(relay.drain());

        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement();
             ResultSet rows = st.executeQuery("""
                     select count(*), count(*) filter (where etat = 'APPLIQUE' and tentatives = 1 and traite_le is not null)
                     from platform.interacademie_message where cle like 'toulouse:92000_'""")) {
            rows.next();
            assertThat(rows.getInt(2)).isEqualTo(rows.getInt(1)).isEqualTo(15);
        }
        for (int k = 0; k < 5; k++) {
            assertThat(rennesRows("toulouse:" + (920_000 + k))).extracting(r -> r[1])
                    .containsExactly("2026-07-01 10:00:00");
        }
    }

    @Test
    void aFailingMessageIsRetriedWithBackoffAndHoldsBackTheLaterOnesOfItsConvocation() throws Exception {
        // A message A cannot apply (a time slot that is no date), then a good one of the same convocation.
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("""
                    insert into platform.interacademie_message (origine, destination, cle, numen, recap, creneaux)
                    values ('toulouse', 'rennes', 'toulouse:910003', 'XACAD-0001', '{"academie": "ACADEMIE DE TOULOUSE"}',
                            '[{"jour": "pas une date", "debut": "08:00", "fin": "10:00"}]')""");
        }
        CrossAcademyConvocation good = convocation(910_003, "XACAD-0001", LocalTime.of(14, 0));
        await(sql.inTenant(toulouse, conn -> relay.publish(conn, good)));
        await(relay.drain());
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("""
                     select etat, tentatives, derniere_erreur is not null, prochain_essai > now() + interval '3 seconds'
                     from platform.interacademie_message where cle = 'toulouse:910003' order by id""")) {
            rs.next();
            assertThat(List.of(rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getBoolean(4)))
                    .containsExactly("EN_ATTENTE", 1, true, true);
            rs.next();
            assertThat(List.of(rs.getString(1), rs.getInt(2))).containsExactly("EN_ATTENTE", 0);
        }
        assertThat(rennesRows("toulouse:910003")).isEmpty();

        // Mended and due again: both apply, in order, and the later one's time slot stays.
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("""
                    update platform.interacademie_message set creneaux = '[{"jour": "2026-07-01", "debut": "08:00", "fin": "10:00"}]',
                           prochain_essai = now() where cle = 'toulouse:910003' and tentatives = 1""");
        }
        await(relay.drain());
        assertThat(message("toulouse:910003")).containsExactly("APPLIQUE", "1", null);
        assertThat(rennesRows("toulouse:910003")).extracting(r -> r[1]).containsExactly("2026-07-01 14:00:00");
    }

    private static CrossAcademyConvocation convocation(long affectationId, String numen, LocalTime start) {
        List<CrossAcademyConvocation.Creneau> creneaux = List.of(
                new CrossAcademyConvocation.Creneau(LocalDate.of(2026, 7, 1), start, start.plusHours(2)));
        JsonObject recap = new JsonObject().put("academie", "ACADEMIE DE TOULOUSE").put("numero", "XACAD-" + affectationId)
                .put("mission", "Interrogation orale").put("session", "BTS 2026").put("epreuve", "").put("centre", "LPO (0310038Y)")
                .put("qualite", "Examinateur");
        return new CrossAcademyConvocation("toulouse", affectationId, "rennes", numen, Optional.of(recap), creneaux);
    }

    private static void publishCurrent() throws Exception {
        await(sql.inTenant(toulouse, conn -> relay.current(conn, toulouse, affectation)
                .compose(change -> relay.publish(conn, change.orElseThrow()))));
        relay.wake();
    }

    /** The wake-up reaches the platform's own consumer; wait until nothing of Toulouse's is pending. */
    private static void awaitApplied() throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (single("select count(*) from platform.interacademie_message where cle = 'toulouse:" + affectation
                + "' and etat = 'EN_ATTENTE'") > 0) {
            assertThat(System.currentTimeMillis()).as("applied within 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void setRennesActive(boolean active) throws Exception {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("update platform.tenant set actif = " + active + " where code = 'rennes'");
        }
        await(platform.tenants().reload());
    }

    /** id, debut, fin, motif, origine, academie_convocation, convocation of Rennes' rows with this key. */
    private static List<String[]> rennesRows(String key) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("""
                     select id, debut, fin, motif, origine, academie_convocation, convocation::text from t_rennes.indisponibilite
                     where interacademie_cle = '%s' and personnel_id = %d order by debut""".formatted(key, rennesPerson))) {
            while (rs.next()) {
                String[] row = new String[7];
                for (int i = 0; i < 7; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** etat, tentatives, derniere_erreur of the last message of this key. */
    private static List<String> message(String key) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("""
                     select etat, tentatives, derniere_erreur from platform.interacademie_message where cle = '%s'
                     order by id desc limit 1""".formatted(key))) {
            rs.next();
            return java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3));
        }
    }

    private static long single(String query) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            return single(st, query);
        }
    }

    private static long single(Statement st, String query) throws SQLException {
        try (ResultSet rows = st.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
