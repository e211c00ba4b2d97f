package dev.pacesetter.kernel.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.internet.InternetAddress;

import org.junit.jupiter.api.Test;

import dev.pacesetter.kernel.internal.config.KernelConfig;
import dev.pacesetter.kernel.internal.config.MailConfig;

class SmtpMailerTest {

    private static MailConfig config(MailConfig.StartTls startTls, String user) {
        return new MailConfig(Optional.of("smtp.example.com"), 587, user, new KernelConfig.Secret(Optional.of("s3cret")), startTls,
                "Pacesetter <pacesetter@example.com>", Duration.ofSeconds(10), Duration.ofSeconds(30), 8, Optional.empty(), "INBOX");
    }

    @Test
    void startTlsRequiredRefusesAPlainConnectionAndCredentialsTurnAuthenticationOn() throws Exception {
        InternetAddress from = new InternetAddress("Pacesetter <pacesetter@example.com>");
        Properties required = SmtpMailer.properties(config(MailConfig.StartTls.REQUIRED, "mailer"), from);
        assertEquals("true", required.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", required.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", required.getProperty("mail.smtp.auth"));
        assertEquals("pacesetter@example.com", required.getProperty("mail.smtp.from"));
        assertEquals("10000", required.getProperty("mail.smtp.connectiontimeout"));

        Properties offered = SmtpMailer.properties(config(MailConfig.StartTls.WHEN_OFFERED, ""), from);
        assertEquals("true", offered.getProperty("mail.smtp.starttls.enable"));
        assertEquals("false", offered.getProperty("mail.smtp.starttls.required"));
        assertEquals("false", offered.getProperty("mail.smtp.auth"));
        assertEquals("false", SmtpMailer.properties(config(MailConfig.StartTls.OFF, ""), from).getProperty("mail.smtp.starttls.enable"));
        assertEquals(false, required.containsValue("s3cret"), "the password is handed to connect(), never kept in the session");
    }

    @Test
    void retriesBackOffExponentiallyUpToAnHour() {
        MailDelivery delivery = new MailDelivery(null, config(MailConfig.StartTls.OFF, ""), Clock.systemUTC(), "node");
        assertEquals(Duration.ofSeconds(30), delivery.backoff(1));
        assertEquals(Duration.ofSeconds(60), delivery.backoff(2));
        assertEquals(Duration.ofSeconds(240), delivery.backoff(4));
        assertEquals(Duration.ofHours(1), delivery.backoff(30));
        assertEquals(Duration.ofSeconds(220), delivery.lease(), "a claim outlives a batch whose every mail times out");
    }

    @Test
    void errorsAreOneLineWithTheirCauses() {
        Exception error = new jakarta.mail.MessagingException("Could not connect", new java.net.ConnectException("Connection refused\n"));
        assertEquals("MessagingException: Could not connect; ConnectException: Connection refused", SmtpMailer.describe(error));
    }
}
