package dev.pacesetter.kernel.internal.mail;

import java.util.Optional;

import dev.pacesetter.platform.api.notify.Notification;
import dev.pacesetter.platform.api.notify.Severity;

/**
 * The e-mail for a notification: a one-line subject and a plain-text body with the record's address.
 * Built when the notification is written, so the outbox holds exactly what will be sent.
 *
 * @param subject at most {@value #MAX_SUBJECT} characters, never a line break
 * @param text at most {@value #MAX_TEXT} characters
 */
public record MailContent(String subject, String text) {

    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 4000;
    static final int MAX_TEXT = 10_000;

    /**
     * @param publicUrl the address users reach Pacesetter at (no trailing slash); without it links stay
     *        application paths, which a reader can still follow by hand
     */
    public static MailContent of(Notification notification, Optional<String> publicUrl) {
        String severity = notification.severity() == Severity.INFO ? "" : notification.severity().name() + ": ";
        String subject = clip(oneLine("[Pacesetter] " + severity + notification.title()), MAX_SUBJECT);
        StringBuilder text = new StringBuilder(notification.title()).append("\n\n");
        notification.bodyText().ifPresent(body -> text.append(clip(body, MAX_BODY)).append("\n\n"));
        notification.linkPath().ifPresent(link -> text.append("Open: ").append(publicUrl.map(url -> url + link).orElse(link)).append('\n'));
        notification.ruleName().ifPresent(rule -> text.append("Rule: ").append(clip(oneLine(rule), 200)).append('\n'));
        text.append("\n-- \nYou receive this e-mail because your Pacesetter notification preferences send \"").append(notification.kind())
                .append("\" notifications by e-mail.\n");
        return new MailContent(subject, clip(text.toString(), MAX_TEXT));
    }

    /** A plugin's title must not be able to add mail headers: line breaks and other control characters become spaces. */
    static String oneLine(String text) {
        return text.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").strip();
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
