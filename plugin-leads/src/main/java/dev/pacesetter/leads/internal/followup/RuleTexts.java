package dev.pacesetter.leads.internal.followup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.pacesetter.leads.internal.domain.FollowUpPolicy;
import dev.pacesetter.leads.internal.domain.TouchKind;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.i18n.Messages;

/**
 * A follow-up policy in words, as messages from the plugin's files: "A类线索24小时内电话跟进" /
 * "A leads phoned within 24 hours". Follow-ups keep the English words they were made with (a column other code
 * reads); shown to people, those words are read back into a message and rendered in the reader's language.
 */
public final class RuleTexts {

    private static final Pattern RULE = Pattern.compile("([A-Z]) leads (.+?) (within|every) (.+?)(?:, then every (.+))?");
    private static final Pattern PART = Pattern.compile(" ?(\\d+) (day|hour|minute|second)s?");

    private RuleTexts() {
    }

    public static Message of(FollowUpPolicy p) {
        Message touch = Message.of("touch." + p.touchKind().name());
        return p.repeatEvery() == null ? Message.of("rule.first", p.grade().name(), touch, duration(p.firstWithin()))
                : Message.of("rule.first-then-repeat", p.grade().name(), touch, duration(p.firstWithin()), duration(p.repeatEvery()));
    }

    static Message repeatOf(FollowUpPolicy p) {
        return Message.of("rule.repeat", p.grade().name(), Message.of("touch." + p.touchKind().name()), duration(p.repeatEvery()));
    }

    /** "24 hours", "7 days", "1 hour 30 minutes" in the reader's language. */
    static Message duration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds % 86_400 == 0 && seconds >= 2 * 86_400) {
            return Message.of("duration.days", seconds / 86_400);
        }
        List<Message> parts = new ArrayList<>();
        if (seconds / 3600 > 0) {
            parts.add(Message.of("duration.hours", seconds / 3600));
        }
        if (seconds % 3600 / 60 > 0) {
            parts.add(Message.of("duration.minutes", seconds % 3600 / 60));
        }
        if (seconds % 60 > 0 || parts.isEmpty()) {
            parts.add(Message.of("duration.seconds", seconds % 60));
        }
        return switch (parts.size()) {
            case 1 -> parts.get(0);
            case 2 -> Message.of("duration.two", parts.get(0), parts.get(1));
            default -> Message.of("duration.three", parts.get(0), parts.get(1), parts.get(2));
        };
    }

    /**
     * A follow-up's stored rule (the English words of {@link FollowUpPolicy#rule()} or {@link FollowUpPolicy#repeatRule()} when
     * it was made) as a message, so that it reads in the reader's language; any other text as stored.
     */
    static Object stored(String rule) {
        Matcher m = rule == null ? null : RULE.matcher(rule);
        if (m == null || !m.matches()) {
            return rule;
        }
        Optional<TouchKind> kind = Arrays.stream(TouchKind.values()).filter(k -> k.verb().equals(m.group(2))).findFirst();
        Optional<Duration> first = words(m.group(4));
        Optional<Duration> then = m.group(5) == null ? Optional.empty() : words(m.group(5));
        if (kind.isEmpty() || first.isEmpty() || (m.group(5) != null && then.isEmpty())) {
            return rule;
        }
        Message touch = Message.of("touch." + kind.get().name());
        if (m.group(3).equals("every")) {
            return m.group(5) != null ? rule : Message.of("rule.repeat", m.group(1), touch, duration(first.get()));
        }
        return then.isEmpty() ? Message.of("rule.first", m.group(1), touch, duration(first.get()))
                : Message.of("rule.first-then-repeat", m.group(1), touch, duration(first.get()), duration(then.get()));
    }

    public static String render(Messages messages, String rule, Language language) {
        return stored(rule) instanceof Message message ? messages.render(message, language) : rule;
    }

    /** "1 hour 30 minutes" back to a duration, as {@link dev.pacesetter.leads.internal.domain.Durations#words} wrote it. */
    private static Optional<Duration> words(String text) {
        Matcher part = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long n = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "day" -> Duration.ofDays(n);
                case "hour" -> Duration.ofHours(n);
                case "minute" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            end = part.end();
        }
        return end == text.length() && end > 0 ? Optional.of(total) : Optional.empty();
    }
}
