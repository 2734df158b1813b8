package fr.education.imagin.core.mail;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The académie's mail outbox ({@code mail_outbox}): the one way the platform sends a mail.
 * A writer queues its mails in the transaction of the action they report, so a mail exists if
 * and only if the action committed; {@link MailDelivery} sends them afterwards. The queue also
 * notifies {@link #CHANNEL}, which PostgreSQL delivers only at commit: the workers of every
 * member wake right then instead of at their next poll.
 */
public final class MailOutbox {

    /** PostgreSQL notification channel: payload the tenant's schema. */
    public static final String CHANNEL = "imagin_mail";

    private static final String INSERT = """
            insert into mail_outbox (destinataire, copie, sujet, corps) values ($1, $2, $3, $4) returning id""";
    private static final String INSERT_ATTACHMENT = """
            insert into mail_piece_jointe (mail_id, rang, nom, type_contenu, contenu) values ($1, $2, $3, $4, $5)""";
    private static final String NOTIFY = "select pg_notify($1, current_schema())";
    private static final String RECENT = """
            select m.id, m.state, m.created_at, m.sent_at, m.attempts, m.last_error, m.last_attempt_at,
                   m.next_attempt_at, m.destinataire, m.copie, m.sujet,
                   coalesce((select string_agg(p.nom, ', ' order by p.rang) from mail_piece_jointe p
                             where p.mail_id = m.id), '') as pieces
            from mail_outbox m
            order by m.created_at desc, m.id desc
            limit $1""";
    private static final String COUNTS = "select state, count(*) as n from mail_outbox group by state";
    private static final String RETRY = """
            update mail_outbox set state = 'EN_ATTENTE', attempts = 0, next_attempt_at = now()
            where id = $1 and state = 'EN_ECHEC'
            returning destinataire, sujet""";

    /** States of a queued mail, as stored. */
    public enum State { EN_ATTENTE, ENVOYE, EN_ECHEC }

    /** One line of the office's outbox page. */
    public record Entry(long id, State state, OffsetDateTime createdAt, OffsetDateTime sentAt, int attempts,
                        String lastError, OffsetDateTime lastAttemptAt, OffsetDateTime nextAttemptAt,
                        String to, String cc, String subject, String attachments) {
    }

    /** The newest entries and the number of mails in each state. */
    public record Listing(List<Entry> entries, Map<State, Long> counts) {
    }

    private final TenantSql sql;
    private final AuditTrail audit;
    private final boolean delivering;

    /** {@code delivering}: an SMTP server is configured ({@code mail.smtp.host}); screens say so. */
    public MailOutbox(TenantSql sql, AuditTrail audit, boolean delivering) {
        this.sql = sql;
        this.audit = audit;
        this.delivering = delivering;
    }

    /** Whether queued mails leave the platform; without SMTP they stay queued, visible to the office. */
    public boolean delivering() {
        return delivering;
    }

    /**
     * Queues {@code mail} in the caller's open transaction; {@code conn} has the tenant's search
     * path bound ({@link TenantSql#inTenant}). The id of the queued mail.
     */
    public Future<Long> enqueue(SqlConnection conn, OutgoingMail mail) {
        return insert(conn, mail).compose(id -> notifyWorkers(conn).map(id));
    }

    /** Queues every mail in the caller's transaction, in order; their ids. */
    public Future<List<Long>> enqueueAll(SqlConnection conn, List<OutgoingMail> mails) {
        List<Long> ids = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (OutgoingMail mail : mails) {
            chain = chain.compose(done -> insert(conn, mail).map(id -> {
                ids.add(id);
                return null;
            }));
        }
        return chain.compose(done -> mails.isEmpty() ? Future.succeededFuture() : notifyWorkers(conn).mapEmpty())
                .map(done -> List.copyOf(ids));
    }

    private static Future<Long> insert(SqlConnection conn, OutgoingMail mail) {
        return conn.preparedQuery(INSERT).execute(Tuple.of(mail.to(), mail.cc(), mail.subject(), mail.body()))
                .map(rows -> rows.iterator().next().getLong("id"))
                .compose(id -> {
                    if (mail.attachments().isEmpty()) {
                        return Future.succeededFuture(id);
                    }
                    List<Tuple> pieces = new ArrayList<>();
                    for (int i = 0; i < mail.attachments().size(); i++) {
                        Attachment a = mail.attachments().get(i);
                        pieces.add(Tuple.of(id, i + 1, a.fileName(), a.contentType(), Buffer.buffer(a.content())));
                    }
                    return conn.preparedQuery(INSERT_ATTACHMENT).executeBatch(pieces).map(id);
                });
    }

    private static Future<Void> notifyWorkers(SqlConnection conn) {
        return conn.preparedQuery(NOTIFY).execute(Tuple.of(CHANNEL)).mapEmpty();
    }

    /** The {@code limit} newest mails of the académie, newest first, with the counts per state. */
    public Future<Listing> recent(Tenant tenant, int limit) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(RECENT).execute(Tuple.of(limit))
                .compose(rows -> conn.query(COUNTS).execute().map(counts -> {
                    List<Entry> entries = new ArrayList<>();
                    for (Row r : rows) {
                        entries.add(new Entry(r.getLong("id"), State.valueOf(r.getString("state")),
                                r.getOffsetDateTime("created_at"), r.getOffsetDateTime("sent_at"), r.getInteger("attempts"),
                                r.getString("last_error"), r.getOffsetDateTime("last_attempt_at"),
                                r.getOffsetDateTime("next_attempt_at"), r.getString("destinataire"), r.getString("copie"),
                                r.getString("sujet"), r.getString("pieces")));
                    }
                    Map<State, Long> byState = new TreeMap<>();
                    for (State s : State.values()) {
                        byState.put(s, 0L);
                    }
                    for (Row r : counts) {
                        byState.put(State.valueOf(r.getString("state")), r.getLong("n"));
                    }
                    return new Listing(List.copyOf(entries), byState);
                })));
    }

    /**
     * Puts a mail "en échec" back in the queue for a new series of attempts, audited in the same
     * transaction. False when the mail is not (or no longer) en échec.
     */
    public Future<Boolean> retry(Tenant tenant, long id, String actor, String address) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(RETRY).execute(Tuple.of(id)).compose(rows -> {
            if (rows.rowCount() == 0) {
                return Future.succeededFuture(false);
            }
            Row row = rows.iterator().next();
            return audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "COURRIEL_RELANCE",
                            "courriel=" + id + " destinataire=" + row.getString("destinataire"), address))
                    .compose(done -> notifyWorkers(conn))
                    .map(true);
        }));
    }
}
