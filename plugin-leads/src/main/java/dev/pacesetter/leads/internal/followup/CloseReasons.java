package dev.pacesetter.leads.internal.followup;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.pacesetter.leads.api.LeadStatus;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.i18n.Messages;

/**
 * Why a follow-up was closed, as people read it. The reasons are stored in the English words they were written in
 * ("made up late", "regraded C → A", "lead CONVERTED", "disqualified: student project"); shown, they are read back
 * into messages in the reader's language. A reason in other words is shown as stored.
 */
public final class CloseReasons {

    private static final Pattern REGRADED = Pattern.compile("regraded ([A-Z]) → ([A-Z])");
    private static final Pattern LEAD = Pattern.compile("lead ([A-Z_]+)");
    private static final String DISQUALIFIED = "disqualified: ";

    private CloseReasons() {
    }

    static Object stored(String reason) {
        if (reason == null) {
            return null;
        }
        if (reason.equals("made up late") || reason.equals("converted")) {
            return Message.of("follow-up.closed." + reason.replace(' ', '-'));
        }
        if (reason.startsWith(DISQUALIFIED)) {
            return Message.of("follow-up.closed.disqualified", reason.substring(DISQUALIFIED.length()));
        }
        Matcher regraded = REGRADED.matcher(reason);
        if (regraded.matches()) {
            return Message.of("follow-up.closed.regraded", regraded.group(1), regraded.group(2));
        }
        Matcher lead = LEAD.matcher(reason);
        if (lead.matches() && java.util.Arrays.stream(LeadStatus.values()).anyMatch(s -> s.name().equals(lead.group(1)))) {
            return Message.of("follow-up.closed.lead", Message.of("status." + lead.group(1)));
        }
        return reason;
    }

    static String render(Messages messages, String reason, Language language) {
        return stored(reason) instanceof Message message ? messages.render(message, language) : reason;
    }

    /** The task with its rule and close reason in the reader's language. */
    public static FollowUps.Task shown(FollowUps.Task task, Messages messages, Language language) {
        return task == null ? null : task.withTexts(RuleTexts.render(messages, task.rule(), language), render(messages, task.closeReason(), language));
    }
}
