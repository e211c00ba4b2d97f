package dev.pacesetter.kernel.internal.config;

import java.time.Duration;
import java.util.Optional;

/**
 * E-mail notifications: how to reach the SMTP server, how failed mails are retried, how links in mails
 * are made absolute, and the channel users get for a notification kind they chose nothing for.
 *
 * @param smtpHost SMTP server; empty: e-mail is off and mails wait in the outbox
 * @param smtpPort SMTP port
 * @param smtpUser user name; empty: no authentication
 * @param smtpPassword password; never logged
 * @param startTls whether the connection must be, may be or is not upgraded to TLS
 * @param from sender address (RFC 5322, may carry a display name); set whenever a host is
 * @param timeout connect, read and write timeout of one SMTP conversation step
 * @param retryBase first back-off after a failed attempt; doubles with every attempt
 * @param maxAttempts attempts before a mail is parked
 * @param publicUrl the address users reach Pacesetter at, without a trailing slash; links in mails start with it
 * @param defaultChannel {@code INBOX}, {@code EMAIL} or {@code BOTH}
 */
public record MailConfig(Optional<String> smtpHost, int smtpPort, String smtpUser, KernelConfig.Secret smtpPassword, StartTls startTls,
        String from, Duration timeout, Duration retryBase, int maxAttempts, Optional<String> publicUrl, String defaultChannel) {

    /** {@code pacesetter.mail.smtp.starttls}: {@code required}, {@code true}, {@code false}. */
    public enum StartTls {
        REQUIRED, WHEN_OFFERED, OFF
    }

    /** Whether this node sends e-mail at all. */
    public boolean configured() {
        return smtpHost.isPresent();
    }
}
