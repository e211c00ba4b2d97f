package dev.pacesetter.pipeline.internal.domain;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import dev.pacesetter.pipeline.api.Tier;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.i18n.Messages;

/**
 * What the owner does for a customer of a tier and how often ({@code /api/v1/tier-playbooks}): the plan's
 * defaults are an executive visit every quarter for core customers and a value-content touch every month for
 * dormant ones. One open task per account at a time: entering the tier opens the first, due one period later;
 * marking it done opens the next, one period after the last was due (so the cadence holds).
 */
public record TierPlaybook(Tier tier, String action, Period every, boolean active) {

    /** For the API: {@code every} as ISO-8601 text such as P3M. */
    public record PlaybookView(Tier tier, String action, String every, boolean active) {
    }

    public PlaybookView view() {
        return new PlaybookView(tier, action, every.toString(), active);
    }

    /** The task title for an account. */
    public Message title(String accountName) {
        return Message.of("task.playbook.title", StoredText.of(action), Message.of("tier." + tier.name()), accountName);
    }

    /** For the API, in the reader's language. */
    public PlaybookView view(Messages messages, Language language) {
        return new PlaybookView(tier, StoredText.render(messages, action, language), every.toString(), active);
    }

    /** The first due time after {@code lastDue} on this cadence that is not already past. */
    public Instant nextDue(Instant lastDue, Instant now) {
        Instant due = plus(lastDue);
        while (!due.isAfter(now)) {
            due = plus(due);
        }
        return due;
    }

    public Instant plus(Instant from) {
        return from.atZone(ZoneOffset.UTC).plus(every).toInstant();
    }

    /** A period from P1D to P1Y, whole days, months or years; null if {@code text} is not one. */
    public static Period parse(String text) {
        try {
            Period period = Period.parse(text);
            java.time.LocalDate from = java.time.LocalDate.of(2001, 1, 1);
            boolean tooLong = from.plus(period).isAfter(from.plusDays(366));
            return period.isNegative() || period.isZero() || period.getDays() < 0 || tooLong ? null : period;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
