package dev.pacesetter.platform.api.notify;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An alert for one user's inbox: what kind it is, how urgent, a title, an optional body, a link to the
 * record it is about, and the rule that raised it. Immutable.
 */
public final class Notification {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}\\.[a-z][a-z0-9_.-]{0,59}");

    private final long userId;
    private final String kind;
    private final Severity severity;
    private final String title;
    private final String body;
    private final String link;
    private final String rule;

    private Notification(long userId, String kind, Severity severity, String title, String body, String link, String rule) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind must look like 'leads.sla-breached': " + kind);
        }
        if (title == null || title.isBlank() || title.length() > 200) {
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
        return new Notification(userId, kind, severity, title, null, null, null);
    }

    public Notification body(String text) {
        return new Notification(userId, kind, severity, title, text, link, rule);
    }

    /** The record it is about, as an application path, e.g. {@code /leads/42}. */
    public Notification link(String path) {
        return new Notification(userId, kind, severity, title, body, path, rule);
    }

    /** The rule that raised it, e.g. {@code A lead phoned within 24 hours}. */
    public Notification rule(String name) {
        return new Notification(userId, kind, severity, title, body, link, name);
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

    public String title() {
        return title;
    }

    public Optional<String> bodyText() {
        return Optional.ofNullable(body);
    }

    public Optional<String> linkPath() {
        return Optional.ofNullable(link);
    }

    public Optional<String> ruleName() {
        return Optional.ofNullable(rule);
    }
}
