package fr.education.imagin.core.mail;

import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the queued mails of every enabled académie over SMTP; one instance runs on each member.
 * A batch is claimed with {@code for update skip locked} in one transaction that also records
 * each outcome: while a member holds a mail's row lock no other member sees it, and the lock
 * goes at commit with the mail marked sent, so two members never send the same mail. The edge
 * is a crash (or a lost database connection) after the SMTP server accepted a mail and before
 * the commit: the transaction rolls back and the mail is sent again (at least once).
 * A failure counts an attempt and pushes the next one back (exponential, capped); after
 * {@link Retry#maxAttempts} the mail stays "en échec" with its error until the office retries it.
 * Wakes on PostgreSQL notifications of {@link MailOutbox#CHANNEL} (sent at an enqueue's commit),
 * and polls every {@link Retry#pollEvery} for due retries and missed notifications.
 */
public final class MailDelivery extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);
    private static final int ERROR_LENGTH = 1000;

    private static final String CLAIM = """
            select id, destinataire, copie, sujet, corps, attempts from mail_outbox
            where state = 'EN_ATTENTE' and next_attempt_at <= now()
            order by next_attempt_at, id
            limit $1
            for update skip locked""";
    private static final String ATTACHMENTS = """
            select mail_id, nom, type_contenu, contenu from mail_piece_jointe
            where mail_id = any($1) order by mail_id, rang""";
    private static final String SENT = """
            update mail_outbox set state = 'ENVOYE', sent_at = clock_timestamp(), last_attempt_at = clock_timestamp(),
                   attempts = attempts + 1
            where id = $1""";
    private static final String FAILED = """
            update mail_outbox set attempts = attempts + 1, last_error = $2, last_attempt_at = clock_timestamp(),
                   state = case when attempts + 1 >= $3 then 'EN_ECHEC' else 'EN_ATTENTE' end,
                   next_attempt_at = clock_timestamp() + $4::double precision * interval '1 millisecond'
            where id = $1""";

    /**
     * How delivery paces itself: mails per transaction, delay after the first failure (doubled
     * after each next one, up to {@code maxDelay}), attempts before "en échec", poll period.
     */
    public record Retry(int batchSize, Duration firstDelay, Duration maxDelay, int maxAttempts, Duration pollEvery) {
        /** 1 min, 2, 4 … capped at 2 h; 8 attempts (about 4 h of trying); a poll every 10 s. */
        public static Retry defaults() {
            return new Retry(20, Duration.ofMinutes(1), Duration.ofHours(2), 8, Duration.ofSeconds(10));
        }

        /** Delay before the next attempt once {@code attempts} have failed (1 or more). */
        public Duration delayAfter(int attempts) {
            int doublings = Math.min(Math.max(attempts - 1, 0), 30);
            long millis = firstDelay.toMillis() * (1L << doublings);
            return millis <= 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
        }
    }

    private record Queued(long id, String to, String cc, String subject, String body, int attempts,
                          List<MailAttachment> attachments) {
    }

    private final PgConnectOptions database;
    private final TenantRegistry registry;
    private final PlatformConfig.Mail config;
    private final Retry retry;
    private Pool pool;
    private TenantSql sql;
    private MailClient client;
    private PgSubscriber subscriber;
    private long timer = -1;
    /** The running cycle, if any; a wake during it asks for one more. Touched on this verticle's context only. */
    private Future<Integer> running;
    private boolean again;

    public MailDelivery(PgConnectOptions database, TenantRegistry registry, PlatformConfig.Mail config, Retry retry) {
        if (!config.enabled()) {
            throw new IllegalArgumentException("mail.smtp.host is empty: nothing to deliver with");
        }
        this.database = database;
        this.registry = registry;
        this.config = config;
        this.retry = retry;
    }

    @Override
    public Future<?> start() {
        // A connection of its own: a batch holds its transaction while it talks to the SMTP server.
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1).setName("imagin-mail"))
                .connectingTo(database).using(vertx).build();
        sql = new TenantSql(pool);
        client = MailClient.create(vertx, smtp(config));
        subscriber = PgSubscriber.subscriber(vertx, database).reconnectPolicy(retries -> 2_000L);
        subscriber.channel(MailOutbox.CHANNEL).handler(schema -> cycle());
        timer = vertx.setPeriodic(retry.pollEvery().toMillis(), id -> cycle());
        LOG.atInfo().addKeyValue("host", config.host()).addKeyValue("port", config.port())
                .addKeyValue("tls", config.tls()).log("mail delivery started");
        return subscriber.connect()
                .recover(e -> {
                    LOG.warn("mail notifications unavailable, polling only", e);
                    return Future.succeededFuture();
                })
                .onSuccess(done -> cycle());
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        Future<?> idle = running == null ? Future.succeededFuture() : running.otherwiseEmpty();
        return idle.eventually(() -> Future.join(subscriber.close(), client.close(), pool.close()));
    }

    static MailConfig smtp(PlatformConfig.Mail config) {
        MailConfig smtp = new MailConfig()
                .setHostname(config.host())
                .setPort(config.port())
                .setStarttls(config.tls() == PlatformConfig.Mail.Tls.STARTTLS ? StartTLSOptions.REQUIRED : StartTLSOptions.DISABLED)
                .setLogin(config.user().isEmpty() ? LoginOption.DISABLED : LoginOption.REQUIRED)
                .setKeepAlive(true)
                .setMaxPoolSize(2)
                .setConnectTimeout(10_000)
                // A server that stops answering fails the mail instead of holding the batch forever.
                .setIdleTimeout(60);
        smtp.setSsl(config.tls() == PlatformConfig.Mail.Tls.TLS);
        if (!config.user().isEmpty()) {
            smtp.setUsername(config.user()).setPassword(config.password());
        }
        return smtp;
    }

    /** Runs one delivery cycle now on this verticle's context (tests; an operator's nudge): mails sent. */
    public Future<Integer> drainNow() {
        Promise<Integer> done = Promise.promise();
        context.runOnContext(v -> {
            // A cycle already running may have claimed before the caller's mails were queued: wait for a fresh one.
            Future<Integer> current = running == null ? Future.succeededFuture(0) : running.otherwise(0);
            current.compose(ignored -> running == null ? cycle() : running).onComplete(done);
        });
        return done.future();
    }

    /** Every enabled académie in turn, one cycle at a time on this member. */
    private Future<Integer> cycle() {
        if (running != null) {
            again = true;
            return running;
        }
        List<Tenant> tenants = registry.all().values().stream().filter(Tenant::actif)
                .sorted(Comparator.comparing(Tenant::code)).toList();
        Future<Integer> chain = Future.succeededFuture(0);
        for (Tenant tenant : tenants) {
            chain = chain.compose(sent -> drain(tenant).map(n -> sent + n)
                    .otherwise(e -> {
                        LOG.atError().addKeyValue("tenant", tenant.code()).setCause(e).log("mail delivery failed");
                        return sent;
                    }));
        }
        Future<Integer> cycle = chain;
        running = cycle;
        cycle.onComplete(done -> {
            running = null;
            if (again) {
                again = false;
                cycle();
            }
        });
        return cycle;
    }

    /** Batches of the tenant's due mails until one comes back short or fails. */
    private Future<Integer> drain(Tenant tenant) {
        return batch(tenant).compose(outcome -> outcome.claimed == retry.batchSize() && !outcome.stopped
                ? drain(tenant).map(n -> n + outcome.sent) : Future.succeededFuture(outcome.sent));
    }

    private static final class Outcome {
        int claimed;
        int sent;
        boolean stopped;
    }

    private Future<Outcome> batch(Tenant tenant) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery(CLAIM).execute(Tuple.of(retry.batchSize()))
                .compose(rows -> {
                    List<Row> claimed = new ArrayList<>();
                    rows.forEach(claimed::add);
                    Outcome outcome = new Outcome();
                    outcome.claimed = claimed.size();
                    if (claimed.isEmpty()) {
                        return Future.succeededFuture(outcome);
                    }
                    Long[] ids = claimed.stream().map(r -> r.getLong("id")).toArray(Long[]::new);
                    return conn.preparedQuery(ATTACHMENTS).execute(Tuple.of(ids)).compose(pieces -> {
                        Map<Long, List<MailAttachment>> byMail = new HashMap<>();
                        for (Row p : pieces) {
                            byMail.computeIfAbsent(p.getLong("mail_id"), k -> new ArrayList<>()).add(MailAttachment.create()
                                    .setName(p.getString("nom")).setContentType(p.getString("type_contenu"))
                                    .setData(p.getBuffer("contenu")).setDisposition("attachment"));
                        }
                        Future<Void> chain = Future.succeededFuture();
                        for (Row r : claimed) {
                            Queued mail = new Queued(r.getLong("id"), r.getString("destinataire"), r.getString("copie"),
                                    r.getString("sujet"), r.getString("corps"), r.getInteger("attempts"),
                                    byMail.getOrDefault(r.getLong("id"), List.of()));
                            chain = chain.compose(done -> outcome.stopped ? Future.succeededFuture()
                                    : send(conn, tenant, mail, outcome));
                        }
                        return chain.map(outcome);
                    });
                }));
    }

    /** Sends one mail and records the outcome in the batch's transaction. */
    private Future<Void> send(SqlConnection conn, Tenant tenant, Queued mail, Outcome outcome) {
        MailMessage message = new MailMessage()
                .setFrom(config.from().isEmpty() ? tenant.contactMail() : config.from())
                .setTo(mail.to())
                .setSubject(mail.subject())
                .setText(mail.body());
        if (mail.cc() != null) {
            message.setCc(mail.cc());
        }
        if (!mail.attachments().isEmpty()) {
            message.setAttachment(mail.attachments());
        }
        return client.sendMail(message).transform(sent -> {
            if (sent.succeeded()) {
                outcome.sent++;
                return conn.preparedQuery(SENT).execute(Tuple.of(mail.id())).mapEmpty();
            }
            // The server is likely unreachable or refusing: leave the rest of the batch for later
            // rather than spending an attempt (and a timeout) on each.
            outcome.stopped = true;
            int attempts = mail.attempts() + 1;
            String error = describe(sent.cause());
            LOG.atWarn().addKeyValue("tenant", tenant.code()).addKeyValue("mail", mail.id())
                    .addKeyValue("attempts", attempts).log("mail not sent: " + error);
            return conn.preparedQuery(FAILED).execute(Tuple.of(mail.id(), error, retry.maxAttempts(),
                    retry.delayAfter(attempts).toMillis())).mapEmpty();
        });
    }

    private static String describe(Throwable e) {
        String text = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        text = text.strip();
        return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) + "…" : text;
    }
}
