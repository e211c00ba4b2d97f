package dev.pacesetter.platform.api.notify;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.pacesetter.platform.api.i18n.Message;

/**
 * An alert for one user's inbox: what kind it is, how urgent, a title, an optional body, a link to the
 * record it is about, and the rule that raised it. Immutable.
 *
 * <p>Title, body and rule are either fixed texts or {@link Message}s from the notifying bundle's message
 * files. A message is stored with the notification and rendered in the reader's language whenever the
 * inbox is read (and in the recipient's language for an e-mail); a fixed text reads the same for everyone.
 */
public final class Notification {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}\\.[a-z][a-z0-9_.-]{0,59}");

    private final long userId;
    private final String kind;
    private final Severity severity;
    private final Text title;
    private final Text body;
    private final String link;
    private final Text rule;

    /** A fixed text or a message to render; exactly one is set. */
    private record Text(String fixed, Message message) {
        static Text of(String fixed) {
            return fixed == null ? null : new Text(fixed, null);
        }

        static Text of(Message message) {
            return message == null ? null : new Text(null, message);
        }

        String plain() {
            return fixed != null ? fixed : message.toString();
        }
    }

    private Notification(long userId, String kind, Severity severity, Text title, Text body, String link, Text rule) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind must look like 'leads.sla-breached': " + kind);
        }
        // a message's arguments may be long (names); the platform clips the rendered title to 200 characters
        if (title == null || title.fixed() != null && (title.fixed().isBlank() || title.fixed().length() > 200)) {
            throw new IllegalArgumentException("title must be 1-200 characters");
        }
        if (link != null && (!link.startsWith("/") || link.length() > 300)) {
            throw new IllegalArgumentException("link must be an application path such as /leads/42: " + link);
        }
        this.userId = userId;
        this.kind = kind;
        this.severity = Objects.requireNonNull(severity, "severity");
        this.title = title;
        this.body = body;
        this.link = link;
        this.rule = rule;
    }

    /**
     * @param kind {@code module.what}, e.g. {@code leads.sla-breached}; users choose per kind how they are told
     */
    public static Notification to(long userId, String kind, Severity severity, String title) {
        return new Notification(userId, kind, severity, Text.of(title), null, null, null);
    }

    /** A notification whose title is rendered in the reader's language. */
    public static Notification to(long userId, String kind, Severity severity, Message title) {
        return new Notification(userId, kind, severity, Text.of(Objects.requireNonNull(title, "title")), null, null, null);
    }

    public Notification body(String text) {
        return new Notification(userId, kind, severity, title, Text.of(text), link, rule);
    }

    /** A body rendered in the reader's language. */
    public Notification body(Message text) {
        return new Notification(userId, kind, severity, title, Text.of(text), link, rule);
    }

    /** The record it is about, as an application path, e.g. {@code /leads/42}. */
    public Notification link(String path) {
        return new Notification(userId, kind, severity, title, body, path, rule);
    }

    /** The rule that raised it, e.g. {@code A lead phoned within 24 hours}. */
    public Notification rule(String name) {
        return new Notification(userId, kind, severity, title, body, link, Text.of(name));
    }

    /** The rule that raised it, rendered in the reader's language. */
    public Notification rule(Message name) {
        return new Notification(userId, kind, severity, title, body, link, Text.of(name));
    }

    public long userId() {
        return userId;
    }

    public String kind() {
        return kind;
    }

    public Severity severity() {
        return severity;
    }

    /** The fixed title, or for a title message its key and arguments. */
    public String title() {
        return title.plain();
    }

    /** The title as a message, if it was given as one. */
    public Optional<Message> titleMessage() {
        return Optional.ofNullable(title.message());
    }

    /** The fixed body, or for a body message its key and arguments. */
    public Optional<String> bodyText() {
        return Optional.ofNullable(body).map(Text::plain);
    }

    public Optional<Message> bodyMessage() {
        return Optional.ofNullable(body).map(Text::message);
    }

    public Optional<String> linkPath() {
        return Optional.ofNullable(link);
    }

    /** The fixed rule name, or for a rule message its key and arguments. */
    public Optional<String> ruleName() {
        return Optional.ofNullable(rule).map(Text::plain);
    }

    public Optional<Message> ruleMessage() {
        return Optional.ofNullable(rule).map(Text::message);
    }
}
