package dev.pacesetter.kernel.internal.mail;

import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import dev.pacesetter.kernel.internal.config.ConfigException;
import dev.pacesetter.kernel.internal.config.MailConfig;

/**
 * Sends mails over SMTP with Eclipse Angus Mail: one connection per batch, each mail its own message.
 * The session is this mailer's own ({@code Session.getInstance}), never the JVM-wide default one.
 */
final class SmtpMailer {

    /** What became of each mail of a batch. */
    interface Outcome {
        void sent(OutboxMail mail);

        /** @param permanent retrying cannot help (the server refused the address) */
        void failed(OutboxMail mail, String error, boolean permanent);
    }

    private final MailConfig config;
    private final Session session;
    private final InternetAddress from;

    SmtpMailer(MailConfig config) {
        this.config = config;
        try {
            this.from = new InternetAddress(config.from(), true);
        } catch (AddressException e) {
            throw new ConfigException("pacesetter.mail.from is not an e-mail address: " + config.from());
        }
        this.session = Session.getInstance(properties(config, from));
    }

    static Properties properties(MailConfig config, InternetAddress from) {
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", "smtp");
        props.setProperty("mail.smtp.host", config.smtpHost().orElseThrow());
        props.setProperty("mail.smtp.port", Integer.toString(config.smtpPort()));
        props.setProperty("mail.smtp.auth", Boolean.toString(!config.smtpUser().isEmpty()));
        props.setProperty("mail.smtp.starttls.enable", Boolean.toString(config.startTls() != MailConfig.StartTls.OFF));
        props.setProperty("mail.smtp.starttls.required", Boolean.toString(config.startTls() == MailConfig.StartTls.REQUIRED));
        props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        String timeout = Long.toString(config.timeout().toMillis());
        props.setProperty("mail.smtp.connectiontimeout", timeout);
        props.setProperty("mail.smtp.timeout", timeout);
        props.setProperty("mail.smtp.writetimeout", timeout);
        // the envelope sender, and the domain of generated Message-IDs (spares a DNS look-up of this host)
        props.setProperty("mail.smtp.from", from.getAddress());
        props.setProperty("mail.from", from.getAddress());
        return props;
    }

    /**
     * Sends {@code mails} on one connection, telling {@code outcome} about each, until {@code going} turns
     * false (shutdown): the mails left are not reported, their claim is released by the caller.
     */
    void send(List<OutboxMail> mails, Outcome outcome, java.util.function.BooleanSupplier going) {
        Transport transport;
        try {
            transport = session.getTransport("smtp");
            connect(transport);
        } catch (MessagingException e) {
            String error = "cannot reach " + config.smtpHost().orElseThrow() + ":" + config.smtpPort() + ": " + describe(e);
            mails.forEach(mail -> outcome.failed(mail, error, false));
            return;
        }
        try {
            for (OutboxMail mail : mails) {
                if (!going.getAsBoolean()) {
                    return;
                }
                sendOne(transport, mail, outcome);
            }
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the mails are sent; a failing QUIT changes nothing
            }
        }
    }

    private void sendOne(Transport transport, OutboxMail mail, Outcome outcome) {
        MimeMessage message;
        try {
            message = message(mail);
        } catch (AddressException e) {
            outcome.failed(mail, "not an e-mail address: " + describe(e), true);
            return;
        } catch (MessagingException e) {
            outcome.failed(mail, describe(e), true);
            return;
        }
        try {
            if (!transport.isConnected()) {
                connect(transport); // the server closed the connection after an earlier mail
            }
            transport.sendMessage(message, message.getAllRecipients());
            outcome.sent(mail);
        } catch (SendFailedException e) {
            // refused recipient addresses (5xx) will be refused again; a temporary refusal (4xx) is worth a retry
            boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            outcome.failed(mail, describe(e), refused);
        } catch (MessagingException | IllegalStateException e) {
            outcome.failed(mail, describe(e), false);
        }
    }

    private void connect(Transport transport) throws MessagingException {
        String user = config.smtpUser().isEmpty() ? null : config.smtpUser();
        transport.connect(config.smtpHost().orElseThrow(), config.smtpPort(), user, config.smtpPassword().value().orElse(null));
    }

    private MimeMessage message(OutboxMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.text(), "UTF-8");
        message.setSentDate(new Date());
        // RFC 3834: tells mail servers and people's auto-responders that no one wrote this by hand
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Pacesetter-Kind", mail.kind());
        message.saveChanges();
        return message;
    }

    /** The exception and its causes, one line: what an operator needs, and never a password (SMTP replies do not carry one). */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < 1500; t = t.getCause() == t ? null : t.getCause()) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(String.valueOf(t.getMessage()).strip());
        }
        return MailContent.oneLine(text.toString());
    }
}
