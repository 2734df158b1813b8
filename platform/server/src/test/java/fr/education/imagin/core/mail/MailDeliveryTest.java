package fr.education.imagin.core.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.education.imagin.Platform;
import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantRegistry;
import fr.education.imagin.testkit.Ports;
import fr.education.imagin.testkit.SharedPlatform;
import io.vertx.core.Future;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one delivery path, against an in-process SMTP server (GreenMail) and the shared platform's
 * real database: mails queued with {@link MailOutbox} in a tenant transaction, sent by real
 * {@link MailDelivery} verticles. The shared platform itself has no SMTP server (its mails stay
 * queued), so only the workers started here send. Other tests' queued mails may go out too:
 * every check looks only at the mails this test queued (a marker in their subject).
 */
class MailDeliveryTest {

    private static Platform platform;
    private static TenantSql sql;
    private static TenantRegistry registry;
    private static MailOutbox outbox;
    private static Tenant rennes;

    private final List<String> deployments = new ArrayList<>();
    private GreenMail smtp;

    @BeforeAll
    static void arrange() {
        platform = SharedPlatform.get();
        sql = new TenantSql(platform.database().pool());
        registry = new TenantRegistry(sql);
        await(registry.reload());
        outbox = new MailOutbox(sql, new AuditTrail(sql), true);
        rennes = registry.active("rennes").orElseThrow();
    }

    @AfterEach
    void stop() {
        deployments.forEach(id -> await(platform.vertx().undeploy(id)));
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aMailWithCopyAndPdfArrivesIntact() throws Exception {
        int port = Ports.free();
        smtp = startSmtp(port);
        MailDelivery worker = deploy(port, fast(3));
        String marker = marker();
        byte[] pdf = pdfLike();
        String body = "Bonjour Hélène,\n\nVeuillez trouver ci-joint votre convocation (épreuve « orale »).\n\nCordialement.\n";
        long id = await(sql.inTenant(rennes, conn -> outbox.enqueue(conn, new OutgoingMail("helene.dupre@ac-rennes.fr",
                "centre.0350001a@ac-rennes.fr", "Convocation " + marker + " - épreuve orale", body,
                List.of(new Attachment("convocation_DUPRE_Helene.pdf", "application/pdf", pdf))))));
        await(worker.drainNow());

        waitUntil(() -> state(id).equals("ENVOYE"), "mail " + id + " sent");
        List<MimeMessage> received = received(marker);
        // GreenMail keeps one copy per recipient: the addressee and the copy.
        assertThat(received).hasSize(2);
        MimeMessage message = received.get(0);
        assertThat(message.getSubject()).isEqualTo("Convocation " + marker + " - épreuve orale");
        assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactly("helene.dupre@ac-rennes.fr");
        assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.CC)).map(Object::toString))
                .containsExactly("centre.0350001a@ac-rennes.fr");
        assertThat(message.getFrom()[0].toString()).isEqualTo("imagin@ac-test.fr");
        Multipart parts = (Multipart) message.getContent();
        String text = null;
        byte[] attached = null;
        String fileName = null;
        String type = null;
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attached = part.getInputStream().readAllBytes();
                fileName = part.getFileName();
                type = part.getContentType();
            } else {
                text = String.valueOf(part.getContent());
            }
        }
        // The MIME part boundary takes the final line break; every other character arrives as written.
        assertThat(text.replace("\r\n", "\n")).isEqualTo(body.stripTrailing());
        assertThat(fileName).isEqualTo("convocation_DUPRE_Helene.pdf");
        assertThat(type).startsWith("application/pdf");
        assertThat(attached).isEqualTo(pdf);
        assertThat(row(id)).containsEntry("attempts", "1").containsEntry("last_error", null);
    }

    @Test
    void whileSmtpIsDownAttemptsAreRecordedThenEachMailIsDeliveredOnce() throws Exception {
        int port = Ports.free();
        // Retries 2 s apart: long enough that a loaded machine still reads the second failure before
        // the next retry is due (with fast()'s 200 ms it sometimes did not).
        MailDelivery worker = deploy(port, new MailDelivery.Retry(20, Duration.ofSeconds(2), Duration.ofSeconds(2), 20,
                Duration.ofMillis(500)));
        String marker = marker();
        List<Long> ids = await(sql.inTenant(rennes, conn -> outbox.enqueueAll(conn, List.of(
                OutgoingMail.of("a@ac-rennes.fr", "Panne " + marker + " 1", "Premier"),
                OutgoingMail.of("b@ac-rennes.fr", "Panne " + marker + " 2", "Second")))));

        // Nothing listens: the first mail is tried and fails, and stays queued with its error.
        waitUntil(() -> {
            await(worker.drainNow());
            return Integer.parseInt(row(ids.get(0)).get("attempts")) >= 2;
        }, "two failed attempts");
        Map<String, String> failed = row(ids.get(0));
        assertThat(failed.get("state")).isEqualTo("EN_ATTENTE");
        assertThat(failed.get("last_error")).isNotBlank();
        assertThat(failed.get("sent_at")).isNull();
        assertThat(failed.get("retry_later")).isEqualTo("t");

        smtp = startSmtp(port);
        waitUntil(() -> {
            await(worker.drainNow());
            return ids.stream().allMatch(id -> state(id).equals("ENVOYE"));
        }, "both mails sent once the server is up");
        assertThat(received(marker).stream().map(MailDeliveryTest::subject))
                .containsExactlyInAnyOrder("Panne " + marker + " 1", "Panne " + marker + " 2");
        assertThat(row(ids.get(0)).get("last_error")).isNotBlank(); // the history of the failure stays readable
        // Later cycles send nothing again.
        await(worker.drainNow());
        assertThat(received(marker)).hasSize(2);
    }

    @Test
    void afterTheLastAttemptAMailStaysEnEchecWithItsError() {
        MailDelivery worker = deploy(Ports.free(), fast(2));
        String marker = marker();
        long id = await(sql.inTenant(rennes, conn -> outbox.enqueue(conn, OutgoingMail.of("c@ac-rennes.fr",
                "Echec " + marker, "Jamais parti"))));
        waitUntil(() -> {
            await(worker.drainNow());
            return state(id).equals("EN_ECHEC");
        }, "mail en échec");
        assertThat(row(id)).containsEntry("attempts", "2");
        assertThat(row(id).get("last_error")).isNotBlank();
        // No longer tried automatically.
        await(worker.drainNow());
        assertThat(row(id)).containsEntry("attempts", "2").containsEntry("state", "EN_ECHEC");
    }

    @Test
    void twoWorkersDrainingOneOutboxSendEachMailExactlyOnce() throws Exception {
        int port = Ports.free();
        smtp = startSmtp(port);
        MailDelivery.Retry small = new MailDelivery.Retry(5, Duration.ofMillis(200), Duration.ofSeconds(1), 5, Duration.ofMillis(300));
        MailDelivery first = deploy(port, small);
        MailDelivery second = deploy(port, small);
        String marker = marker();
        List<OutgoingMail> mails = IntStream.rangeClosed(1, 100)
                .mapToObj(i -> OutgoingMail.of("jury" + i + "@ac-rennes.fr", "Lot " + marker + " n° " + i, "Mail " + i)).toList();
        List<Long> ids = await(sql.inTenant(rennes, conn -> outbox.enqueueAll(conn, mails)));
        // Both wake on the commit's notification; push them too, at the same time.
        await(Future.join(first.drainNow(), second.drainNow(), first.drainNow(), second.drainNow()));

        waitUntil(() -> count("select count(*) from t_rennes.mail_outbox where state = 'ENVOYE' and id between "
                + ids.get(0) + " and " + ids.get(ids.size() - 1)) == 100, "100 mails sent");
        Thread.sleep(500); // a duplicate would arrive late: give it the time
        List<String> subjects = received(marker).stream().map(MailDeliveryTest::subject).toList();
        assertThat(subjects).hasSize(100).doesNotHaveDuplicates();
        assertThat(count("select count(*) from t_rennes.mail_outbox where attempts <> 1 and id between "
                + ids.get(0) + " and " + ids.get(ids.size() - 1))).isZero();
    }

    @Test
    void theBackoffDoublesUpToItsCap() {
        MailDelivery.Retry retry = new MailDelivery.Retry(20, Duration.ofMinutes(1), Duration.ofHours(2), 8, Duration.ofSeconds(10));
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(retry::delayAfter).map(Duration::toMinutes).toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 120L, 120L);
        assertThat(retry.delayAfter(400)).isEqualTo(Duration.ofHours(2));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static MailDelivery.Retry fast(int maxAttempts) {
        return new MailDelivery.Retry(20, Duration.ofMillis(100), Duration.ofMillis(400), maxAttempts, Duration.ofMillis(500));
    }

    private MailDelivery deploy(int port, MailDelivery.Retry retry) {
        MailDelivery worker = new MailDelivery(platform.database().connectOptions(), registry,
                new PlatformConfig.Mail("127.0.0.1", port, PlatformConfig.Mail.Tls.NONE, "", "", "imagin@ac-test.fr"), retry);
        deployments.add(await(platform.vertx().deployVerticle(worker)));
        return worker;
    }

    private static GreenMail startSmtp(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static String marker() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<MimeMessage> received(String marker) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(marker)).collect(Collectors.toList());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PDF header followed by every byte value: what a binary-unsafe path would mangle. */
    private static byte[] pdfLike() {
        byte[] head = "%PDF-1.7\n%âãÏÓ\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + 2048];
        System.arraycopy(head, 0, all, 0, head.length);
        for (int i = 0; i < 2048; i++) {
            all[head.length + i] = (byte) (i * 31 + 7);
        }
        return all;
    }

    private static String state(long id) {
        return row(id).get("state");
    }

    private static Map<String, String> row(long id) {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("select state, attempts, last_error, sent_at, next_attempt_at > now() as retry_later"
                     + " from t_rennes.mail_outbox where id = " + id)) {
            assertThat(rs.next()).as("mail " + id).isTrue();
            Map<String, String> row = new java.util.HashMap<>();
            for (String column : List.of("state", "attempts", "last_error", "sent_at", "retry_later")) {
                row.put(column, rs.getString(column));
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String query) {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
