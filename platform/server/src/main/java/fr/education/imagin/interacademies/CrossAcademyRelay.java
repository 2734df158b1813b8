package fr.education.imagin.interacademies;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * INDISPO-4: a convocation in académie B of a person whose home is académie A becomes, in A,
 * one read-only unavailability per time slot. B never writes into A's schema: {@link #publish}
 * puts a message in the platform queue ({@code platform.interacademie_message}) inside B's
 * transaction, {@link #wake} tells every member after commit, and the consumer of each member
 * claims messages with {@code for update skip locked} and applies each in A's own transaction,
 * which also marks it: a message is applied exactly once, those of one affectation in order.
 * A disabled académie's messages wait; a failing one is retried with backoff; a NUMEN unknown
 * in A marks the message SANS_OBJET.
 */
public final class CrossAcademyRelay {

    public static final String WAKE_ADDRESS = "imagin.interacademies.wake";
    private static final Logger LOG = LoggerFactory.getLogger(CrossAcademyRelay.class);

    private static final String PUBLISH = """
            insert into platform.interacademie_message (origine, destination, cle, numen, recap, creneaux)
            select $1::text, $2::text, $3::text, $4::text, $5::jsonb, $6::jsonb
            where exists (select 1 from platform.tenant where code = $2::text)""";

    private static final String CURRENT = """
            select p.numen, p.academie_origine, a.statut, a.qualite, m.numero, t.libelle as mission, s.libelle as session,
                   coalesce(eo.code || ', ' || eo.libelle, '') as epreuve, c.nom || ' (' || c.uai || ')' as centre
            from affectation a
            join personnel p on p.id = a.personnel_id
            join mission m on m.id = a.mission_id
            join type_mission t on t.code = m.type_code
            join session_examen s on s.id = m.session_id
            join etablissement c on c.uai = m.centre_uai
            left join epreuve_option eo on eo.id = m.epreuve_option_id
            where a.id = $1""";

    private static final String CRENEAUX = """
            select jour, heure_debut, heure_fin from affectation_creneau where affectation_id = $1 order by jour""";

    private static final String DESTINATIONS = """
            select distinct destination from interacademie_message where etat = 'EN_ATTENTE' and prochain_essai <= now()""";

    // The oldest pending message of its key only: a later change never overtakes an earlier one.
    private static final String CLAIM = """
            select m.id, m.origine, m.cle, m.numen, m.recap, m.creneaux
            from platform.interacademie_message m
            where m.destination = $1 and m.etat = 'EN_ATTENTE' and m.prochain_essai <= now()
              and not exists (select 1 from platform.interacademie_message e
                              where e.cle = m.cle and e.etat = 'EN_ATTENTE' and e.id < m.id)
            order by m.id limit 1
            for update of m skip locked""";

    private static final String REMOVE = "delete from indisponibilite where interacademie_cle = $1";
    private static final String PERSON = "select id from personnel where numen = $1";
    private static final String INSERT = """
            insert into indisponibilite (personnel_id, debut, fin, motif, origine, academie_convocation, convocation, interacademie_cle)
            select $1, (c->>'jour')::date + (c->>'debut')::time, (c->>'jour')::date + (c->>'fin')::time,
                   'Convocation par IMAG''IN ' || coalesce($2::jsonb->>'academie', $3), 'AUTRE_ACADEMIE', $3, $2::jsonb, $4
            from jsonb_array_elements($5::jsonb) c""";
    private static final String DONE = """
            update platform.interacademie_message
            set etat = $2, tentatives = tentatives + 1, traite_le = now(), traite_par = $3, derniere_erreur = $4
            where id = $1""";
    // 5 s, 10 s, 20 s... at most one hour between two attempts.
    private static final String RETRY = """
            update interacademie_message
            set tentatives = tentatives + 1, derniere_erreur = $2,
                prochain_essai = now() + make_interval(secs => least(3600, 5 * power(2, least(tentatives, 20))))
            where id = $1 and etat = 'EN_ATTENTE'""";

    private final Vertx vertx;
    private final TenantSql sql;
    private final TenantRegistry registry;
    private final String consumer;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private Promise<Void> current;

    /** {@code consumer} names this member in {@code traite_par} (the cluster node id). */
    public CrossAcademyRelay(Vertx vertx, TenantSql sql, TenantRegistry registry, String consumer) {
        this.vertx = vertx;
        this.sql = sql;
        this.registry = registry;
        this.consumer = consumer;
    }

    // ---- publishing side (académie B) ----

    /**
     * Queues {@code change} in the caller's open transaction {@code conn} (any tenant's: the
     * queue is schema-qualified). An académie not registered on the platform has no one to
     * tell: nothing is queued. Call {@link #wake} after the commit.
     */
    public Future<Void> publish(SqlConnection conn, CrossAcademyConvocation change) {
        return conn.preparedQuery(PUBLISH).execute(Tuple.of(change.fromTenant(), change.toTenant(), change.key(),
                        change.numen(), change.recap().orElse(null), change.creneauxJson()))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        LOG.atWarn().addKeyValue("to", change.toTenant()).addKeyValue("key", change.key())
                                .log("home académie not registered: convocation not relayed");
                    }
                    return null;
                });
    }

    /**
     * The change to publish for affectation {@code affectationId} of {@code from} as it stands in
     * the transaction {@code conn}: its recap and time slots when convened, a deletion when only
     * assigned; empty when it does not exist or the person's home is this académie. For a
     * deletion, read it before deleting and publish {@link CrossAcademyConvocation#deleted()}.
     */
    public Future<Optional<CrossAcademyConvocation>> current(SqlConnection conn, Tenant from, long affectationId) {
        Tuple id = Tuple.of(affectationId);
        return conn.preparedQuery(CURRENT).execute(id).compose(rows -> {
            if (rows.size() == 0) {
                return Future.succeededFuture(Optional.empty());
            }
            Row a = rows.iterator().next();
            String home = a.getString("academie_origine");
            if (home == null || home.isBlank() || home.equals(from.code())) {
                return Future.succeededFuture(Optional.empty());
            }
            return conn.preparedQuery(CRENEAUX).execute(id).map(slots -> {
                List<CrossAcademyConvocation.Creneau> creneaux = new ArrayList<>();
                slots.forEach(s -> creneaux.add(new CrossAcademyConvocation.Creneau(s.getLocalDate("jour"),
                        s.getLocalTime("heure_debut"), s.getLocalTime("heure_fin"))));
                CrossAcademyConvocation change = new CrossAcademyConvocation(from.code(), affectationId, home,
                        a.getString("numen"), Optional.empty(), List.of());
                if ("AFFECTEE".equals(a.getString("statut"))) {
                    return Optional.of(change);
                }
                JsonObject recap = new JsonObject()
                        .put("academie", from.nom())
                        .put("numero", a.getString("numero"))
                        .put("mission", a.getString("mission"))
                        .put("session", a.getString("session"))
                        .put("epreuve", a.getString("epreuve"))
                        .put("centre", a.getString("centre"))
                        .put("qualite", a.getString("qualite"));
                CrossAcademyConvocation convened = new CrossAcademyConvocation(from.code(), affectationId, home,
                        a.getString("numen"), Optional.of(recap), creneaux);
                recap.put("creneaux", convened.creneauxJson());
                return Optional.of(convened);
            });
        });
    }

    /** After the commit of a {@link #publish}: every member's consumer looks at the queue. */
    public void wake() {
        vertx.eventBus().publish(WAKE_ADDRESS, "");
    }

    // ---- consuming side (académie A), on every member ----

    /** Follows wake-ups and registry changes, and looks at the queue every {@code poll} (retries). */
    public Future<Void> start(Duration poll) {
        vertx.setPeriodic(poll.toMillis(), id -> drain());
        // The registry reloads on the same notice: look a moment later, once an enabled académie is back.
        vertx.eventBus().consumer(TenantRegistry.CHANGED_ADDRESS, message -> vertx.setTimer(1000, id -> drain()));
        return vertx.eventBus().consumer(WAKE_ADDRESS, message -> drain()).completion().onSuccess(v -> drain());
    }

    /**
     * Applies every message now due whose home académie is enabled; completes when the queue has
     * nothing more for this member. A call during a pass makes that pass run once more.
     */
    public synchronized Future<Void> drain() {
        if (draining.get()) {
            again.set(true);
            return current.future();
        }
        draining.set(true);
        current = Promise.promise();
        Promise<Void> promise = current;
        pass().onComplete(done -> finish(promise));
        return promise.future();
    }

    private synchronized void finish(Promise<Void> promise) {
        if (again.getAndSet(false)) {
            pass().onComplete(done -> finish(promise));
            return;
        }
        draining.set(false);
        promise.complete();
    }

    private Future<Void> pass() {
        return sql.inPlatform(conn -> conn.query(DESTINATIONS).execute())
                .compose(rows -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (Row row : rows) {
                        Optional<Tenant> tenant = registry.active(row.getString("destination"));
                        if (tenant.isPresent()) {
                            chain = chain.compose(v -> drainTenant(tenant.get()));
                        }
                    }
                    return chain;
                })
                .recover(e -> {
                    LOG.error("cross-académie queue unreachable", e);
                    return Future.succeededFuture();
                });
    }

    private Future<Void> drainTenant(Tenant tenant) {
        return applyOne(tenant).compose(applied -> applied ? drainTenant(tenant) : Future.succeededFuture());
    }

    /** Claims and applies one message for {@code tenant}; false when there is none left to take. */
    private Future<Boolean> applyOne(Tenant tenant) {
        AtomicLong claimed = new AtomicLong(-1);
        return sql.inTenant(tenant, conn -> conn.preparedQuery(CLAIM).execute(Tuple.of(tenant.code())).compose(rows -> {
            if (rows.size() == 0) {
                return Future.succeededFuture(false);
            }
            Row message = rows.iterator().next();
            claimed.set(message.getLong("id"));
            return apply(conn, message).compose(notApplicable -> conn.preparedQuery(DONE).execute(Tuple.of(
                            message.getLong("id"), notApplicable == null ? "APPLIQUE" : "SANS_OBJET", consumer, notApplicable))
                    .map(true));
        })).recover(e -> {
            if (claimed.get() < 0) {
                LOG.atWarn().addKeyValue("tenant", tenant.code()).setCause(e).log("cross-académie messages not claimed");
                return Future.succeededFuture(false);
            }
            LOG.atWarn().addKeyValue("tenant", tenant.code()).addKeyValue("message", claimed.get()).setCause(e)
                    .log("cross-académie message failed: retried later");
            return sql.inPlatform(conn -> conn.preparedQuery(RETRY).execute(Tuple.of(claimed.get(), String.valueOf(e.getMessage()))))
                    .map(true).otherwise(false);
        });
    }

    /**
     * Replaces, in A's transaction, the rows this convocation caused; null when done, else why
     * the message does not apply here.
     */
    private Future<String> apply(SqlConnection conn, Row message) {
        String key = message.getString("cle");
        Object recap = message.getValue("recap");
        return conn.preparedQuery(REMOVE).execute(Tuple.of(key)).compose(removed -> {
            if (recap == null) {
                return Future.succeededFuture((String) null);
            }
            return conn.preparedQuery(PERSON).execute(Tuple.of(message.getString("numen"))).compose(people -> {
                if (people.size() == 0) {
                    LOG.atWarn().addKeyValue("key", key).addKeyValue("numen", message.getString("numen"))
                            .log("cross-académie convocation of a NUMEN unknown here: not applicable");
                    return Future.succeededFuture("NUMEN inconnu dans l'académie");
                }
                long person = people.iterator().next().getLong("id");
                return conn.preparedQuery(INSERT).execute(Tuple.of(person, recap, message.getString("origine"), key,
                        message.getValue("creneaux"))).map((String) null);
            });
        });
    }
}
