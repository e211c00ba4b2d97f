package dev.pacesetter.leads.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * How leads of one grade are followed up: a touch of {@code touchKind} within {@code firstWithin} of the lead's
 * arrival (or of its regrade), then, if {@code repeatEvery} is set, one every {@code repeatEvery} after the last
 * touch that met the policy (or after the due time that was missed).
 */
public record FollowUpPolicy(Grade grade, TouchKind touchKind, Duration firstWithin, Duration repeatEvery) {

    public static final Duration MIN_FIRST = Duration.ofSeconds(1);
    public static final Duration MIN_REPEAT = Duration.ofMinutes(1);
    public static final Duration MAX = Duration.ofDays(366);

    public FollowUpPolicy {
        if (grade == null || touchKind == null || firstWithin == null || firstWithin.isNegative() || firstWithin.isZero()) {
            throw new IllegalArgumentException("a policy needs a grade, a touch kind and a positive firstWithin");
        }
        if (repeatEvery != null && (repeatEvery.isNegative() || repeatEvery.isZero())) {
            throw new IllegalArgumentException("repeatEvery must be positive or null: " + repeatEvery);
        }
    }

    /** The plan's defaults: A → a call within 24 hours; B → content within a week, then weekly; C → nurture within a month, then monthly. */
    public static Map<Grade, FollowUpPolicy> defaults() {
        return Map.of(
                Grade.A, new FollowUpPolicy(Grade.A, TouchKind.CALL, Duration.ofHours(24), null),
                Grade.B, new FollowUpPolicy(Grade.B, TouchKind.CONTENT, Duration.ofDays(7), Duration.ofDays(7)),
                Grade.C, new FollowUpPolicy(Grade.C, TouchKind.CONTENT, Duration.ofDays(30), Duration.ofDays(30)));
    }

    /** When the first follow-up of a lead that arrived (or was regraded) at {@code start} is due. */
    public Instant firstDue(Instant start) {
        return due(start, firstWithin);
    }

    /**
     * When the next follow-up is due after one that was met at {@code touchedAt}, or null if the policy does not
     * repeat.
     */
    public Instant nextAfterTouch(Instant touchedAt) {
        return repeatEvery == null ? null : due(touchedAt, repeatEvery);
    }

    /**
     * When the next follow-up is due after one due at {@code missedDue} was missed and noticed at {@code now}: the
     * cadence is kept (missed due + repeat), unless that is already past (downtime), then it is {@code now} + repeat;
     * null if the policy does not repeat.
     */
    public Instant nextAfterMiss(Instant missedDue, Instant now) {
        if (repeatEvery == null) {
            return null;
        }
        Instant next = due(missedDue, repeatEvery);
        return next.isAfter(now) ? next : due(now, repeatEvery);
    }

    /** The policy in words: "A leads phoned within 24 hours", "B leads sent content within 7 days, then every 7 days". */
    public String rule() {
        String first = grade + " leads " + touchKind.verb() + " within " + Durations.words(firstWithin);
        return repeatEvery == null ? first : first + ", then every " + Durations.words(repeatEvery);
    }

    /** The rule of a repeated follow-up: "B leads sent content every 7 days". */
    public String repeatRule() {
        return grade + " leads " + touchKind.verb() + " every " + Durations.words(repeatEvery);
    }

    /** Problems with a policy an administrator sent (durations already parsed; null where they did not parse). */
    public static List<FieldError> problems(TouchKind touchKind, String firstWithinText, Duration firstWithin, String repeatText, Duration repeatEvery) {
        List<FieldError> problems = new ArrayList<>();
        if (touchKind == null) {
            problems.add(new FieldError("touchKind", Message.of("field.required.one-of", EnumNames.of(TouchKind.values()))));
        }
        if (firstWithinText == null) {
            problems.add(new FieldError("firstWithin", Message.of("field.duration.required")));
        } else if (firstWithin == null) {
            problems.add(new FieldError("firstWithin", Message.of("field.duration.unreadable", firstWithinText)));
        } else if (firstWithin.compareTo(MIN_FIRST) < 0 || firstWithin.compareTo(MAX) > 0) {
            problems.add(new FieldError("firstWithin", Message.of("field.duration.range", "PT1S", "P366D")));
        }
        if (repeatText != null) {
            if (repeatEvery == null) {
                problems.add(new FieldError("repeatEvery", Message.of("field.duration.unreadable.or-null", repeatText)));
            } else if (repeatEvery.compareTo(MIN_REPEAT) < 0 || repeatEvery.compareTo(MAX) > 0) {
                problems.add(new FieldError("repeatEvery", Message.of("field.duration.range.or-null", "PT1M", "P366D")));
            }
        }
        return problems;
    }

    /** Dues are kept to the millisecond, as deadlines are. */
    static Instant due(Instant from, Duration within) {
        return from.plus(within).truncatedTo(ChronoUnit.MILLIS);
    }
}
