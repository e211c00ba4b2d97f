package dev.pacesetter.pipeline.internal.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.i18n.Messages;

/**
 * Why a customer is in its tier, as people read it. {@link Tiering} writes the reason in English words (kept in the
 * tier history and the tier-changed event); shown, it is read back into a message in the reader's language. A
 * reason in other words is shown as written.
 */
public final class TierReasons {

    private static final Pattern DORMANT = Pattern.compile("no order for (\\d+) days \\(dormant after (\\d+)\\)");
    private static final Pattern FIGURES = Pattern.compile("spend (\\S+ \\S+) in (\\d+) days, (\\S+) orders per quarter, repurchase cycle"
            + " (unknown|(\\d+) days): (.*)");
    private static final Pattern CORE = Pattern.compile("spend ≥ (\\S+), frequency ≥ (\\S+), cycle ≤ (\\d+)");
    private static final Pattern GROWTH = Pattern.compile("(spend|frequency) ≥ (\\S+), not core");

    private TierReasons() {
    }

    public static String render(Messages messages, String reason, Language language) {
        Message message = stored(reason);
        return message == null ? reason : messages.render(message, language);
    }

    static Message stored(String reason) {
        if (reason == null) {
            return null;
        }
        if (reason.equals("no orders yet")) {
            return Message.of("tier.reason.no-orders");
        }
        Matcher m = DORMANT.matcher(reason);
        if (m.matches()) {
            return Message.of("tier.reason.dormant", Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        }
        m = FIGURES.matcher(reason);
        if (!m.matches()) {
            return null;
        }
        Message cycle = m.group(5) == null ? Message.of("tier.cycle.unknown") : Message.of("tier.cycle.days", Long.parseLong(m.group(5)));
        Message figures = Message.of("tier.figures", m.group(1), Long.parseLong(m.group(2)), m.group(3), cycle);
        String verdict = m.group(6);
        if (verdict.equals("below the growth thresholds")) {
            return Message.of("tier.reason.potential", figures);
        }
        Matcher core = CORE.matcher(verdict);
        if (core.matches()) {
            return Message.of("tier.reason.core", figures, core.group(1), core.group(2), Long.parseLong(core.group(3)));
        }
        Matcher growth = GROWTH.matcher(verdict);
        if (growth.matches()) {
            return Message.of("tier.reason.growth-" + growth.group(1), figures, growth.group(2));
        }
        return null;
    }
}
