package fr.education.imagin.core.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.education.imagin.core.config.Setting;
import fr.education.imagin.testkit.ClusterMembers;
import fr.education.imagin.testkit.ClusterMembers.Member;
import fr.education.imagin.testkit.Ports;
import fr.education.imagin.testkit.TestPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly one delivery per queued mail with two cluster members running, as in production: two
 * JVMs started by {@link ClusterMembers} on one database, each running its own
 * {@link MailDelivery} (started by the platform because {@code mail.smtp.host} is set) against
 * one in-process SMTP server. Mails are queued through SQL, as {@link MailOutbox} does (rows,
 * then a notification at commit): some while member A runs alone, some while B joins, some
 * waiting for their next attempt when B joins and released once both run, and a burst from
 * several writers at once. Every mail must arrive once, and its row be sent after one attempt.
 * Each member signs with its own sender address, which shows that both took part.
 */
class MailDeliveryClusterTest {

    private static final String SCHEMA = "t_toulouse";
    private static final int TOTAL = 200;

    private ClusterMembers members;
    private GreenMail smtp;

    @AfterEach
    void stop() {
        if (members != null) {
            members.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void twoMembersSendEachQueuedMailExactlyOnce() throws Exception {
        String database = TestPostgres.newDatabase();
        int smtpPort = Ports.free();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Function<String, Map<Setting, String>> mailSettings = sender -> Map.of(
                Setting.MAIL_SMTP_HOST, "127.0.0.1",
                Setting.MAIL_SMTP_PORT, String.valueOf(smtpPort),
                Setting.MAIL_SMTP_TLS, "none",
                Setting.MAIL_FROM, sender,
                Setting.DEMO, "false"); // the académies without demo data: a faster start
        String marker = "C" + UUID.randomUUID().toString().substring(0, 8);

        members = new ClusterMembers(database, "mail-cluster", 2);
        Member a = members.start(0, "a", mailSettings.apply("imagin-a@ac-test.fr"));
        ClusterMembers.awaitMembers(a, 1);

        // Member A alone: one large transaction (several batches) and a small one.
        try (Connection conn = jdbc(database)) {
            queue(conn, marker, 1, 30, false);
            queue(conn, marker, 31, 40, false);
            // Waiting for their next attempt when B joins: neither member may take them yet.
            queue(conn, marker, 41, 80, true);
        }

        // Member B joins while mails keep being queued.
        Member b = members.start(1, "b", mailSettings.apply("imagin-b@ac-test.fr"));
        try (Connection conn = jdbc(database)) {
            for (int first = 81; first <= 120; first += 5) {
                queue(conn, marker, first, first + 4, false);
                Thread.sleep(150);
            }
        }
        ClusterMembers.awaitMembers(a, 2);
        ClusterMembers.awaitMembers(b, 2);

        // Both run: the waiting mails fall due at once, and three writers queue the rest together.
        ExecutorService writers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> writes = new ArrayList<>();
            writes.add(writers.submit(() -> {
                try (Connection conn = jdbc(database); Statement st = conn.createStatement()) {
                    st.execute("update " + SCHEMA + ".mail_outbox set next_attempt_at = now() where sujet like '%"
                            + marker + "%' and state = 'EN_ATTENTE'");
                    st.execute("select pg_notify('" + MailOutbox.CHANNEL + "', '" + SCHEMA + "')");
                    conn.commit();
                }
                return null;
            }));
            writes.add(writers.submit(() -> queueInSteps(database, marker, 121, 160, 1)));
            writes.add(writers.submit(() -> queueInSteps(database, marker, 161, 200, 8)));
            for (Future<?> write : writes) {
                write.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }

        // Notifications wake both members at once; their 10 s poll catches anything missed.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (count(database, "state = 'ENVOYE'", marker) < TOTAL) {
            assertThat(a.process().isAlive()).as("member a alive").isTrue();
            assertThat(b.process().isAlive()).as("member b alive").isTrue();
            assertThat(System.nanoTime()).as("all mails sent in time; pending: "
                    + count(database, "state <> 'ENVOYE'", marker)).isLessThan(deadline);
            Thread.sleep(200);
        }
        Thread.sleep(1_000); // a duplicate would arrive late: give it the time

        List<MimeMessage> received = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).contains(marker)).toList();
        List<String> subjects = received.stream().map(MailDeliveryClusterTest::subject).toList();
        Set<String> expected = IntStream.rangeClosed(1, TOTAL).mapToObj(i -> subject(marker, i))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(subjects).as("one delivery per mail").doesNotHaveDuplicates().hasSize(TOTAL);
        assertThat(new TreeSet<>(subjects)).isEqualTo(expected);
        Map<String, Long> bySender = received.stream()
                .collect(Collectors.groupingBy(MailDeliveryClusterTest::sender, Collectors.counting()));
        assertThat(bySender.keySet()).as("both members delivered: " + bySender).containsExactlyInAnyOrder("imagin-a@ac-test.fr", "imagin-b@ac-test.fr");
        assertThat(count(database, "true", marker)).isEqualTo(TOTAL);
        assertThat(count(database, "state = 'ENVOYE' and attempts = 1 and last_error is null and sent_at is not null",
                marker)).as("every row sent after exactly one attempt").isEqualTo(TOTAL);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String subject(String marker, int n) {
        return "Convocation " + marker + " n° " + n;
    }

    /**
     * Queues mails {@code first..last} in one transaction, notifying the workers at its commit as
     * {@link MailOutbox#enqueueAll} does; {@code later}: due only in ten minutes.
     */
    private static void queue(Connection conn, String marker, int first, int last, boolean later) throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement("insert into " + SCHEMA
                + ".mail_outbox (destinataire, sujet, corps, next_attempt_at) values (?, ?, ?, now() + ?::interval)");
             Statement notify = conn.createStatement()) {
            for (int i = first; i <= last; i++) {
                insert.setString(1, "jury" + i + "@ac-toulouse.fr");
                insert.setString(2, subject(marker, i));
                insert.setString(3, "Mail " + i);
                insert.setString(4, later ? "10 minutes" : "0 seconds");
                insert.addBatch();
            }
            insert.executeBatch();
            notify.execute("select pg_notify('" + MailOutbox.CHANNEL + "', '" + SCHEMA + "')");
            conn.commit();
        }
    }

    private static Void queueInSteps(String database, String marker, int first, int last, int step) throws SQLException {
        try (Connection conn = jdbc(database)) {
            for (int i = first; i <= last; i += step) {
                queue(conn, marker, i, Math.min(i + step - 1, last), false);
            }
        }
        return null;
    }

    private static Connection jdbc(String database) throws SQLException {
        Connection conn = DriverManager.getConnection(database, "postgres", "");
        conn.setAutoCommit(false);
        return conn;
    }

    private static long count(String database, String condition, String marker) throws SQLException {
        try (Connection conn = DriverManager.getConnection(database, "postgres", "");
             PreparedStatement st = conn.prepareStatement("select count(*) from " + SCHEMA + ".mail_outbox where ("
                     + condition + ") and sujet like ?")) {
            st.setString(1, "%" + marker + "%");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sender(MimeMessage message) {
        try {
            return message.getFrom()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
