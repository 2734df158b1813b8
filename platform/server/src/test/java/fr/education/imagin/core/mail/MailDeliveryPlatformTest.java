package fr.education.imagin.core.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.education.imagin.Platform;
import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.config.Setting;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantRegistry;
import fr.education.imagin.testkit.Ports;
import fr.education.imagin.testkit.TestPlatform;
import fr.education.imagin.testkit.TestPostgres;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform started with {@code mail.smtp.host} runs the delivery worker by itself, and a
 * mail queued in a committed transaction goes out at once (the commit's notification wakes the
 * worker well before its 10 s poll).
 */
class MailDeliveryPlatformTest {

    @Test
    void aPlatformWithSmtpSendsAQueuedMailRightAfterTheCommit() throws Exception {
        int smtpPort = Ports.free();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<Setting, String> settings = TestPlatform.settings(TestPostgres.newDatabase());
        settings.put(Setting.DEMO, "false");
        settings.put(Setting.MAIL_SMTP_HOST, "127.0.0.1");
        settings.put(Setting.MAIL_SMTP_PORT, String.valueOf(smtpPort));
        settings.put(Setting.MAIL_SMTP_TLS, "none");
        settings.put(Setting.MAIL_FROM, "imagin@ac-test.fr");
        try (Platform platform = TestPlatform.start(settings)) {
            TenantSql sql = new TenantSql(platform.database().pool());
            TenantRegistry registry = new TenantRegistry(sql);
            MailDeliveryTest.await(registry.reload());
            Tenant toulouse = registry.active("toulouse").orElseThrow();
            MailOutbox outbox = new MailOutbox(sql, new AuditTrail(sql), true);
            Thread.sleep(1_000); // past the worker's first cycle at start
            long queuedAt = System.nanoTime();
            MailDeliveryTest.await(sql.inTenant(toulouse, conn -> outbox.enqueue(conn,
                    OutgoingMail.of("gest@ac-toulouse.fr", "Réveil immédiat", "Parti dès la validation."))));
            assertThat(smtp.waitForIncomingEmail(5_000, 1)).as("mail received within 5 s").isTrue();
            assertThat(System.nanoTime() - queuedAt).isLessThan(5_000_000_000L);
            MimeMessage message = smtp.getReceivedMessages()[0];
            assertThat(message.getSubject()).isEqualTo("Réveil immédiat");
            assertThat(message.getFrom()[0].toString()).isEqualTo("imagin@ac-test.fr");
        } finally {
            smtp.stop();
        }
    }
}
