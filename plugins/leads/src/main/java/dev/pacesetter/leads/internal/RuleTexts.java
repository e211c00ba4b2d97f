package dev.pacesetter.leads.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.i18n.Messages;

/**
 * A follow-up policy in words, as messages from the plugin's files: "A类线索24小时内电话跟进" /
 * "A leads phoned within 24 hours". Follow-ups keep the English words they were made with; shown to people,
 * they read in the reader's language as long as they are still their grade's policy.
 */
final class RuleTexts {

    private RuleTexts() {
    }

    static Message of(FollowUpPolicy p) {
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

    /** A follow-up's stored rule as a message when it is one of its grade's current policy's, otherwise as stored. */
    static Object stored(String rule, FollowUpPolicy policy) {
        if (policy != null && rule != null) {
            if (rule.equals(policy.rule())) {
                return of(policy);
            }
            if (policy.repeatEvery() != null && rule.equals(policy.repeatRule())) {
                return repeatOf(policy);
            }
        }
        return rule;
    }

    static String render(Messages messages, String rule, FollowUpPolicy policy, Language language) {
        return stored(rule, policy) instanceof Message message ? messages.render(message, language) : rule;
    }
}
