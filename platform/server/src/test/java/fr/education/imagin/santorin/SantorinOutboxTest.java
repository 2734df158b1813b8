package fr.education.imagin.santorin;

import fr.education.imagin.Platform;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.testkit.SharedPlatform;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CONV-11 / EC-6: each change to a convened list appends, in the caller's transaction, a snapshot
 * of the list ordered per mission; the exporter writes each pending one as a file, in order,
 * marks it delivered, and a second run writes nothing new.
 */
class SantorinOutboxTest {

    private static Platform platform;
    private static TenantSql sql;
    private static Tenant toulouse;
    private static final SantorinOutbox OUTBOX = new SantorinOutbox();

    @BeforeAll
    static void arrange() throws SQLException {
        platform = SharedPlatform.get();
        sql = new TenantSql(platform.database().pool());
        toulouse = platform.tenants().active("toulouse").orElseThrow();
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("set search_path to t_toulouse");
            st.execute("""
                    insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste, mail_pro)
                    values ('SANT-A', 'Mme', 'ZZSANTORIN-A', 'Élise', date '1970-01-01', 'SVT', 'elise.a@ac-toulouse.fr'),
                           ('SANT-B', 'M.', 'ZZSANTORIN-B', 'Marc', date '1972-02-02', 'SVT', 'marc.b@ac-toulouse.fr'),
                           ('SANT-C', 'M.', 'ZZSANTORIN-C', 'Paul', date '1974-03-03', 'SVT', '')""");
        }
    }

    /** A mission of its own for each test: A and B convened (B with a jury), C only assigned. */
    private static long mission(String numero) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("set search_path to t_toulouse");
            long id = single(st, """
                    insert into mission (numero, type_code, session_id, epreuve_option_id, centre_uai, date_debut, date_fin)
                    values ('%s', (select code from type_mission order by code limit 1), (select id from session_examen order by id limit 1),
                            (select id from epreuve_option order by id limit 1), '0310038Y', date '2026-06-15', date '2026-06-16')
                    returning id""".formatted(numero));
            st.execute("insert into commission (mission_id, code) values (%d, 'C01')".formatted(id));
            st.execute("insert into jury (mission_id, code) values (%d, 'J07')".formatted(id));
            st.execute("""
                    insert into affectation (mission_id, personnel_id, qualite, commission_id, jury_id, statut, auteur, convoquee_le)
                    select %1$d, p.id, q, (select id from commission where mission_id = %1$d),
                           case when p.numen = 'SANT-B' then (select id from jury where mission_id = %1$d) end, s, 'CENTRE',
                           case when s <> 'AFFECTEE' then now() end
                    from personnel p join (values ('SANT-A', 'Correcteur', 'CONVOQUEE_PAR_CENTRE'), ('SANT-B', 'Coordinateur', 'CONVOQUEE'),
                                                  ('SANT-C', 'Correcteur', 'AFFECTEE')) v(n, q, s) on v.n = p.numen""".formatted(id));
            st.execute("""
                    insert into affectation_creneau (affectation_id, jour, heure_debut, heure_fin)
                    select a.id, d, time '08:00', time '12:00' from affectation a, (values (date '2026-06-16'), (date '2026-06-15')) v(d)
                    where a.mission_id = %d""".formatted(id));
            return id;
        }
    }

    @Test
    void anAppendHoldsTheConvenedListOfThatMoment() throws Exception {
        long mission = mission("SANT-M1");
        await(sql.inTenant(toulouse, conn -> OUTBOX.append(conn, mission)));

        List<JsonObject> records = records(mission);
        assertThat(records).hasSize(1);
        JsonObject list = records.get(0);
        assertThat(list.getJsonObject("mission").getString("numero")).isEqualTo("SANT-M1");
        assertThat(list.getJsonObject("mission").getString("type")).isNotBlank();
        assertThat(list.getJsonObject("session").getInteger("annee")).isPositive();
        assertThat(list.getJsonObject("epreuve").getString("code")).isNotBlank();
        assertThat(list.getJsonObject("centre").getString("uai")).isEqualTo("0310038Y");
        JsonArray convened = list.getJsonArray("convoques");
        assertThat(convened).hasSize(2);
        JsonObject a = convened.getJsonObject(0);
        assertThat(a.getString("numen")).isEqualTo("SANT-A");
        assertThat(a.getString("civilite")).isEqualTo("Mme");
        assertThat(a.getString("nom")).isEqualTo("ZZSANTORIN-A");
        assertThat(a.getString("prenom")).isEqualTo("Élise");
        assertThat(a.getString("mail_pro")).isEqualTo("elise.a@ac-toulouse.fr");
        assertThat(a.getString("qualite")).isEqualTo("Correcteur");
        assertThat(a.getString("commission")).isEqualTo("C01");
        assertThat(a.getValue("jury")).isNull();
        assertThat(a.getJsonArray("creneaux")).containsExactly(
                new JsonObject().put("jour", "2026-06-15").put("debut", "08:00").put("fin", "12:00"),
                new JsonObject().put("jour", "2026-06-16").put("debut", "08:00").put("fin", "12:00"));
        JsonObject b = convened.getJsonObject(1);
        assertThat(b.getString("numen")).isEqualTo("SANT-B");
        assertThat(b.getString("jury")).isEqualTo("J07");
        assertThat(b.getString("qualite")).isEqualTo("Coordinateur");
    }

    @Test
    void recordsAreOrderedPerMissionAndRolledBackWithTheirTransaction() throws Exception {
        long mission = mission("SANT-M2");
        await(sql.inTenant(toulouse, conn -> OUTBOX.append(conn, mission)));
        // C is convened: the next record lists three people.
        await(sql.inTenant(toulouse, conn -> conn.query("update affectation set statut = 'CONVOQUEE' where mission_id = " + mission)
                .execute().compose(v -> OUTBOX.append(conn, mission))));
        // A change that fails leaves no record.
        assertThatThrownBy(() -> await(sql.inTenant(toulouse, conn -> OUTBOX.append(conn, mission)
                .compose(v -> Future.failedFuture(new IllegalStateException("refused"))))))
                .hasMessageContaining("refused");
        // Concurrent changes of one mission: distinct, gapless sequences.
        List<Future<Void>> concurrent = IntStream.range(0, 5)
                .mapToObj(i -> sql.inTenant(toulouse, conn -> OUTBOX.append(conn, mission))).toList();
        await(Future.all(concurrent));

        assertThat(sequences(mission)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        List<JsonObject> records = records(mission);
        assertThat(records.get(0).getJsonArray("convoques")).hasSize(2);
        assertThat(records.get(1).getJsonArray("convoques")).hasSize(3);
        assertThatThrownBy(() -> await(sql.inTenant(toulouse, conn -> OUTBOX.append(conn, -1))))
                .hasMessageContaining("not found");
    }

    @Test
    void theExporterWritesEachPendingRecordOnceInOrder(@TempDir Path out) throws Exception {
        long mission = mission("SANT-M3");
        for (int i = 0; i < 3; i++) {
            await(sql.inTenant(toulouse, conn -> OUTBOX.append(conn, mission)));
        }
        SantorinExporter exporter = new SantorinExporter(platform.database().jdbc());

        List<Path> files = exporter.exportTo(out).files();
        List<String> mine = files.stream().map(f -> f.getFileName().toString())
                .filter(n -> n.startsWith("toulouse_" + mission + "_")).toList();
        assertThat(mine).containsExactly("toulouse_%d_000001.json".formatted(mission),
                "toulouse_%d_000002.json".formatted(mission), "toulouse_%d_000003.json".formatted(mission));
        JsonObject second = new JsonObject(Files.readString(out.resolve(mine.get(1))));
        assertThat(second.getString("academie")).isEqualTo("toulouse");
        assertThat(second.getLong("mission")).isEqualTo(mission);
        assertThat(second.getInteger("sequence")).isEqualTo(2);
        assertThat(second.getJsonObject("liste").getJsonObject("mission").getString("numero")).isEqualTo("SANT-M3");
        assertThat(second.getJsonObject("liste").getJsonArray("convoques")).hasSize(2);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            assertThat(single(st, "select count(*) from t_toulouse.santorin_envoi where delivered_at is null")).isZero();
            assertThat(single(st, "select count(*) from t_toulouse.santorin_envoi where mission_id = %d and fichier like 'toulouse_%%'"
                    .formatted(mission))).isEqualTo(3);
        }

        assertThat(exporter.exportTo(out).files()).isEmpty();

        // A crash after the rename but before the mark: the same file is written again, same content.
        String before = Files.readString(out.resolve(mine.get(2)));
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("update t_toulouse.santorin_envoi set delivered_at = null where mission_id = %d and sequence = 3".formatted(mission));
        }
        assertThat(exporter.exportTo(out).files()).extracting(p -> p.getFileName().toString()).containsExactly(mine.get(2));
        assertThat(Files.readString(out.resolve(mine.get(2)))).isEqualTo(before);
    }

    @Test
    void theCommandReadsTheServersConfiguration(@TempDir Path out) throws Exception {
        long mission = mission("SANT-M4");
        await(sql.inTenant(toulouse, conn -> OUTBOX.append(conn, mission)));
        var db = platform.config().database();
        System.setProperty("imagin.db.url", db.jdbcUrl());
        System.setProperty("imagin.db.user", db.user());
        System.setProperty("imagin.db.password", db.password());
        try {
            assertThat(new picocli.CommandLine(new SantorinExport()).execute("--out", out.toString())).isZero();
        } finally {
            System.clearProperty("imagin.db.url");
            System.clearProperty("imagin.db.user");
            System.clearProperty("imagin.db.password");
        }
        assertThat(out.resolve("toulouse_%d_000001.json".formatted(mission))).exists();
    }

    private static List<JsonObject> records(long mission) throws SQLException {
        List<JsonObject> records = new ArrayList<>();
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement();
             ResultSet rows = st.executeQuery("select contenu::text from t_toulouse.santorin_envoi where mission_id = %d order by sequence"
                     .formatted(mission))) {
            while (rows.next()) {
                records.add(new JsonObject(rows.getString(1)));
            }
        }
        return records;
    }

    private static List<Integer> sequences(long mission) throws SQLException {
        List<Integer> sequences = new ArrayList<>();
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement();
             ResultSet rows = st.executeQuery("select sequence from t_toulouse.santorin_envoi where mission_id = %d order by id"
                     .formatted(mission))) {
            while (rows.next()) {
                sequences.add(rows.getInt(1));
            }
        }
        return sequences;
    }

    private static long single(Statement st, String query) throws SQLException {
        try (ResultSet rows = st.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
