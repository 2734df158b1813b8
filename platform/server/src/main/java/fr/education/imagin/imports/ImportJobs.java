package fr.education.imagin.imports;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The import runs of an académie (table {@code import_fichier}): started from the request path,
 * advanced and finished by the worker thread that runs the import (its own JDBC connection, in
 * autocommit, beside the import's transaction), read by the page's polling on any member. One
 * run of each kind at a time: a second is refused while the first is under way. The member
 * touches its runs every minute ({@link #touch}) while they wait or run; a run whose member died
 * (not touched for {@value #STALE_MINUTES} minutes) is marked failed when next read.
 */
public final class ImportJobs {

    static final int STALE_MINUTES = 5;

    /** One run as the page shows it. */
    public record Job(long id, ImportKind kind, String nomFichier, String etat, int avancement, String etape,
                      Optional<ImportReport> rapport, String lancePar, OffsetDateTime lanceLe, Optional<OffsetDateTime> finiLe) {

        public boolean enCours() {
            return etat.equals("EN_COURS");
        }
    }

    private final TenantSql sql;
    private final DataSource jdbc;

    public ImportJobs(TenantSql sql, DataSource jdbc) {
        this.sql = sql;
        this.jdbc = jdbc;
    }

    /** A run its member stopped advancing (the member died or was stopped) is over: failed, nothing written. */
    private static Future<?> expireStale(SqlConnection conn, ImportKind kind) {
        return conn.preparedQuery("""
                        update import_fichier set etat = 'ECHEC', etape = 'Import interrompu (serveur arrêté pendant l''import)',
                            fini_le = now()
                        where nature = $1 and etat = 'EN_COURS' and maj_le < now() - make_interval(mins => $2)""")
                .execute(Tuple.of(kind.name(), STALE_MINUTES));
    }

    /** Records a new run, or nothing when one of this kind is under way. */
    public Future<Optional<Long>> start(Tenant tenant, ImportKind kind, String nomFichier, String actor) {
        return sql.inTenant(tenant, conn -> expireStale(conn, kind)
                .compose(stale -> conn.preparedQuery("""
                        insert into import_fichier (nature, nom_fichier, etat, etape, lance_par)
                        values ($1, $2, 'EN_COURS', 'En attente', $3)
                        on conflict (nature) where etat = 'EN_COURS' do nothing returning id""")
                        .execute(Tuple.of(kind.name(), nomFichier, actor)))
                .map(rows -> rows.size() == 0 ? Optional.<Long>empty() : Optional.of(rows.iterator().next().getLong(0))));
    }

    /** The member running (or about to run) {@code id} is alive: the run is not stale. */
    public Future<Void> touch(Tenant tenant, long id) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(
                "update import_fichier set maj_le = now() where id = $1 and etat = 'EN_COURS'").execute(Tuple.of(id))).mapEmpty();
    }

    /** The latest run of this kind, if any (a stale one marked failed first, so the page offers the upload again). */
    public Future<Optional<Job>> latest(Tenant tenant, ImportKind kind) {
        return sql.inTenant(tenant, conn -> expireStale(conn, kind).compose(stale -> conn.preparedQuery("""
                        select id, nom_fichier, etat, avancement, etape, rapport, lance_par, lance_le, fini_le
                        from import_fichier where nature = $1 order by id desc limit 1""").execute(Tuple.of(kind.name()))))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(job(kind, rows.iterator().next())));
    }

    private static Job job(ImportKind kind, Row row) {
        Object rapport = row.getValue("rapport");
        return new Job(row.getLong("id"), kind, row.getString("nom_fichier"), row.getString("etat"),
                row.getInteger("avancement"), row.getString("etape"),
                rapport instanceof JsonObject json ? Optional.of(ImportReport.fromJson(json)) : Optional.empty(),
                row.getString("lance_par"), row.getOffsetDateTime("lance_le"),
                Optional.ofNullable(row.getOffsetDateTime("fini_le")));
    }

    /**
     * The progress of a run for its worker thread: written when the percentage or the step
     * changes, at most every {@code everyMillis} for the same step.
     */
    public Importer.Progress progress(Tenant tenant, long id, long everyMillis) {
        return new Importer.Progress() {
            private int percent = -1;
            private String step = "";
            private long last;

            @Override
            public void at(int p, String s) {
                long now = System.currentTimeMillis();
                if (s.equals(step) && (p == percent || now - last < everyMillis)) {
                    return;
                }
                percent = p;
                step = s;
                last = now;
                update(tenant, "update import_fichier set avancement = ?, etape = ?, maj_le = now() where id = ?", ps -> {
                    ps.setInt(1, Math.max(0, Math.min(100, p)));
                    ps.setString(2, s);
                    ps.setLong(3, id);
                });
            }
        };
    }

    /** The run is over: TERMINE, or REFUSE when rows were rejected (nothing written). */
    public void finish(Tenant tenant, long id, ImportReport report) {
        update(tenant, """
                update import_fichier set etat = ?, avancement = 100, etape = '', rapport = ?::jsonb, maj_le = now(), fini_le = now()
                where id = ?""", ps -> {
            ps.setString(1, report.accepted() ? "TERMINE" : "REFUSE");
            ps.setString(2, report.toJson().encode());
            ps.setLong(3, id);
        });
    }

    /** The run stopped on an unexpected error (logged by the caller); its transaction was rolled back. */
    public void fail(Tenant tenant, long id) {
        update(tenant, """
                update import_fichier set etat = 'ECHEC', etape = 'Erreur technique pendant l''import', maj_le = now(),
                    fini_le = now() where id = ?""", ps -> ps.setLong(1, id));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(Tenant tenant, String statement, Binder binder) {
        try (Connection conn = jdbc.getConnection()) {
            conn.setAutoCommit(false);
            try (PreparedStatement path = conn.prepareStatement("select set_config('search_path', ?, true)");
                 PreparedStatement st = conn.prepareStatement(statement)) {
                path.setString(1, tenant.schemaName());
                path.execute();
                binder.bind(st);
                st.executeUpdate();
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("import_fichier of " + tenant.code() + " not updated", e);
        }
    }
}
