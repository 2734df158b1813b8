package fr.education.imagin.affectation;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The automatic affectation runs of the académies (table {@code affectation_calcul}): started
 * from the office's page, solved on this member by {@link AffectationSolver}, their progress and
 * proposal written as they go, read by the page's polling on any member. "Arrêter" reaches the
 * member that runs the solver through the event bus. A run whose member died (not touched for
 * {@value #STALE_MINUTES} minutes) is marked failed when next read.
 */
public final class AffectationRuns {

    private static final Logger LOG = LoggerFactory.getLogger(AffectationRuns.class);
    static final int STALE_MINUTES = 2;
    private static final long HEARTBEAT_MILLIS = 2_000;
    static final String STOP_ADDRESS = "imagin.affectation.arreter";

    /** One run as the page shows it. */
    public record Calcul(long id, long sessionId, String etat, int avancement, String etape, int postes, int pourvus,
                         Optional<AffectationSolver.Score> score, Optional<Long> dureeMs, String lancePar, OffsetDateTime lanceLe,
                         Optional<OffsetDateTime> finiLe) {

        public boolean enCours() {
            return "EN_COURS".equals(etat);
        }
    }

    /** A run under way on this member: its tenant and its best proposal so far. */
    private record Active(Tenant tenant, long startedAt, AtomicReference<PlanAffectation> best, AtomicBoolean stopped) {
    }

    private final Vertx vertx;
    private final TenantSql sql;
    private final AffectationSolver solver;
    private final String member = UUID.randomUUID().toString();
    private final Map<Long, Active> active = new ConcurrentHashMap<>();

    public AffectationRuns(Vertx vertx, TenantSql sql, AffectationSolver solver) {
        this.vertx = vertx;
        this.sql = sql;
        this.solver = solver;
        vertx.eventBus().<JsonObject>consumer(STOP_ADDRESS, message -> {
            long id = message.body().getLong("calcul");
            Active run = active.get(id);
            if (run != null && run.tenant().code().equals(message.body().getString("tenant"))) {
                // Before the solver has the problem, the flag stops it as soon as it is handed over.
                run.stopped().set(true);
                solver.stop(key(run.tenant(), id));
            }
        });
        vertx.setPeriodic(HEARTBEAT_MILLIS, timer -> active.forEach(this::progress));
    }

    private static String key(Tenant tenant, long id) {
        return tenant.code() + ":" + id;
    }

    private static Future<?> expireStale(SqlConnection conn) {
        return conn.preparedQuery("""
                        update affectation_calcul set etat = 'ECHEC', etape = 'Calcul interrompu (serveur arrêté pendant le calcul)',
                            fini_le = now()
                        where etat = 'EN_COURS' and maj_le < now() - make_interval(mins => $1)""")
                .execute(Tuple.of(STALE_MINUTES));
    }

    /** Starts a run for the session, or nothing when one is under way for it. */
    public Future<Optional<Long>> lancer(Tenant tenant, long sessionId, int annee, String actor) {
        return sql.inTenant(tenant, conn -> expireStale(conn).compose(v -> conn.preparedQuery("""
                        insert into affectation_calcul (session_id, etat, membre, etape, lance_par)
                        values ($1, 'EN_COURS', $2, 'Lecture des missions et des intervenants', $3)
                        on conflict (session_id) where etat = 'EN_COURS' do nothing returning id""")
                        .execute(Tuple.of(sessionId, member, actor))))
                .map(rows -> rows.size() == 0 ? Optional.<Long>empty() : Optional.of(rows.iterator().next().getLong(0)))
                .onSuccess(id -> id.ifPresent(calcul -> run(tenant, calcul, sessionId, annee)));
    }

    private void run(Tenant tenant, long id, long sessionId, int annee) {
        Active run = new Active(tenant, System.currentTimeMillis(), new AtomicReference<>(), new AtomicBoolean());
        active.put(id, run);
        sql.inTenant(tenant, conn -> PlanLoader.plan(conn, sessionId, annee, solver.settings().candidatsMax()))
                .onSuccess(plan -> LOG.atInfo().addKeyValue("tenant", tenant.code()).addKeyValue("calcul", id)
                        .addKeyValue("places", plan.getPostes().size()).addKeyValue("people", plan.getIntervenants().size())
                        .addKeyValue("ms", System.currentTimeMillis() - run.startedAt()).log("automatic affectation plan read"))
                .compose(plan -> update(tenant, id, """
                        update affectation_calcul set postes = $2, etape = 'Recherche de la meilleure affectation', maj_le = now()
                        where id = $1""", Tuple.of(id, plan.getPostes().size())).map(plan))
                .compose(plan -> {
                    if (plan.getPostes().isEmpty()) {
                        return Future.succeededFuture(plan);
                    }
                    run.best().set(plan);
                    if (run.stopped().get()) {
                        return Future.succeededFuture(plan);
                    }
                    var solving = solver.solve(key(tenant, id), plan, run.best()::set);
                    if (run.stopped().get()) {
                        solver.stop(key(tenant, id));
                    }
                    return Future.fromCompletionStage(solving, vertx.getOrCreateContext());
                })
                .compose(best -> finish(tenant, id, run, best))
                .onComplete(done -> {
                    active.remove(id);
                    if (done.failed()) {
                        LOG.atError().setCause(done.cause()).addKeyValue("tenant", tenant.code()).addKeyValue("calcul", id)
                                .log("automatic affectation failed");
                        update(tenant, id, """
                                update affectation_calcul set etat = 'ECHEC', etape = 'Erreur technique pendant le calcul',
                                    maj_le = now(), fini_le = now()
                                where id = $1""", Tuple.of(id)).onFailure(e -> LOG.warn("run state not written", e));
                    }
                });
    }

    /** Every heartbeat: the time spent as the progress, the best proposal's fill and score. */
    private void progress(long id, Active run) {
        PlanAffectation best = run.best().get();
        long elapsed = System.currentTimeMillis() - run.startedAt();
        int percent = (int) Math.min(99, elapsed * 100 / Math.max(1, solver.settings().limite().toMillis()));
        Future<Void> written = best == null
                ? update(run.tenant(), id, "update affectation_calcul set avancement = $2, maj_le = now() where id = $1",
                        Tuple.of(id, percent))
                : sql.inTenant(run.tenant(), conn -> conn.preparedQuery("""
                        update affectation_calcul set avancement = $2, pourvus = $3, score_dur = $4, score_moyen = $5,
                            score_souple = $6, maj_le = now()
                        where id = $1 and etat = 'EN_COURS'""").execute(scored(id, percent, best))).mapEmpty();
        written.onFailure(e -> LOG.atWarn().setCause(e).addKeyValue("calcul", id).log("run progress not written"));
    }

    private static Tuple scored(long id, int percent, PlanAffectation plan) {
        AffectationSolver.Score score = AffectationSolver.Score.of(plan.getScore());
        return Tuple.of(id, percent, (int) plan.pourvus(), score.dur(), score.moyen(), score.souple());
    }

    private Future<Void> update(Tenant tenant, long id, String statement, Tuple params) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(statement).execute(params)).mapEmpty();
    }

    /** The proposal and the run's end, in one transaction: TERMINE, or ARRETE when the office stopped it. */
    private Future<Void> finish(Tenant tenant, long id, Active run, PlanAffectation best) {
        long duree = System.currentTimeMillis() - run.startedAt();
        List<Tuple> rows = new ArrayList<>();
        for (Poste p : best.getPostes()) {
            rows.add(Tuple.of(id, p.getNumero(), p.getMissionId(), p.getCommissionId(),
                    p.getIntervenant() == null ? null : p.getIntervenant().id(), p.distanceConnue()));
        }
        long writing = System.currentTimeMillis();
        return sql.inTenant(tenant, conn -> (rows.isEmpty() ? Future.succeededFuture() : conn.preparedQuery("""
                        insert into affectation_proposition (calcul_id, poste, mission_id, commission_id, personnel_id, distance_km)
                        values ($1, $2, $3, $4, $5, $6)""").executeBatch(rows))
                .compose(v -> conn.preparedQuery("""
                        update affectation_calcul set etat = case when etat = 'EN_COURS' and arret_demande then 'ARRETE'
                                                                  when etat = 'EN_COURS' then 'TERMINE' else etat end,
                            avancement = $2, etape = '', pourvus = $3, score_dur = $4, score_moyen = $5, score_souple = $6,
                            duree_ms = $7, maj_le = now(), fini_le = now()
                        where id = $1""").execute(scored(id, 100, best).addLong(duree))))
                .onSuccess(v -> LOG.atInfo().addKeyValue("tenant", tenant.code()).addKeyValue("calcul", id)
                        .addKeyValue("filled", best.pourvus()).addKeyValue("places", best.getPostes().size())
                        .addKeyValue("score", best.getScore()).addKeyValue("writeMs", System.currentTimeMillis() - writing)
                        .addKeyValue("ms", duree).log("automatic affectation over")).mapEmpty();
    }

    /** Asks the member that runs it to stop: its best proposal so far becomes the run's proposal. */
    public Future<Boolean> arreter(Tenant tenant, long sessionId, long id) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        update affectation_calcul set arret_demande = true
                        where id = $1 and session_id = $2 and etat = 'EN_COURS' returning id""")
                .execute(Tuple.of(id, sessionId))).map(rows -> {
            if (rows.size() > 0) {
                vertx.eventBus().publish(STOP_ADDRESS, new JsonObject().put("tenant", tenant.code()).put("calcul", id));
            }
            return rows.size() > 0;
        });
    }

    /** The latest run of the session, if any. */
    public Future<Optional<Calcul>> dernier(Tenant tenant, long sessionId) {
        return sql.inTenant(tenant, conn -> expireStale(conn).compose(v -> conn.preparedQuery("""
                        select id, session_id, etat, avancement, etape, postes, pourvus, score_dur, score_moyen, score_souple,
                               duree_ms, lance_par, lance_le, fini_le
                        from affectation_calcul where session_id = $1 order by id desc limit 1""").execute(Tuple.of(sessionId))))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(calcul(rows.iterator().next())));
    }

    static Calcul calcul(Row r) {
        Long dur = r.getLong("score_dur");
        Optional<AffectationSolver.Score> score = dur == null ? Optional.empty()
                : Optional.of(new AffectationSolver.Score(dur, r.getLong("score_moyen"), r.getLong("score_souple")));
        return new Calcul(r.getLong("id"), r.getLong("session_id"), r.getString("etat"), r.getInteger("avancement"),
                r.getString("etape"), r.getInteger("postes"), r.getInteger("pourvus"), score, Optional.ofNullable(r.getLong("duree_ms")),
                r.getString("lance_par"), r.getOffsetDateTime("lance_le"), Optional.ofNullable(r.getOffsetDateTime("fini_le")));
    }
}
