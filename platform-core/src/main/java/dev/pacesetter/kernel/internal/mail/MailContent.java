package dev.pacesetter.kernel.internal.mail;

import java.util.Optional;

import dev.pacesetter.kernel.internal.i18n.MessageCatalog;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
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
     * @param notification the notification with its texts already in the recipient's language
     * @param publicUrl the address users reach Pacesetter at (no trailing slash); without it links stay
     *        application paths, which a reader can still follow by hand
     * @param texts the kernel's messages, for the frame around the notification
     */
    public static MailContent of(Notification notification, Optional<String> publicUrl, MessageCatalog texts, Language language) {
        String title = oneLine(notification.title());
        String subject = notification.severity() == Severity.INFO ? texts.render(Message.of("mail.subject", title), language)
                : texts.render(Message.of("mail.subject.flagged", Message.of("mail.severity." + notification.severity().name()), title), language);
        StringBuilder text = new StringBuilder(notification.title()).append("\n\n");
        notification.bodyText().ifPresent(body -> text.append(clip(body, MAX_BODY)).append("\n\n"));
        notification.linkPath().ifPresent(link -> text.append(texts.render(Message.of("mail.open", publicUrl.map(url -> url + link).orElse(link)), language))
                .append('\n'));
        notification.ruleName().ifPresent(rule -> text.append(texts.render(Message.of("mail.rule", clip(oneLine(rule), 200)), language)).append('\n'));
        text.append("\n-- \n").append(texts.render(Message.of("mail.footer", notification.kind()), language)).append('\n');
        return new MailContent(clip(oneLine(subject), MAX_SUBJECT), clip(text.toString(), MAX_TEXT));
    }

    /** A plugin's title must not be able to add mail headers: line breaks and other control characters become spaces. */
    static String oneLine(String text) {
        return text.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").strip();
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
