package dev.pacesetter.leads.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.platform.api.http.FieldError;

class FollowUpPolicyTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T03:12:01.123456Z"), ZoneOffset.UTC);

    @Test
    void thePlansDefaults() {
        FollowUpPolicy a = FollowUpPolicy.defaults().get(Grade.A);
        assertEquals(TouchKind.CALL, a.touchKind());
        assertEquals("A leads phoned within 24 hours", a.rule());
        assertEquals("B leads sent content within 7 days, then every 7 days", FollowUpPolicy.defaults().get(Grade.B).rule());
        assertEquals("C leads sent content every 30 days", FollowUpPolicy.defaults().get(Grade.C).repeatRule());
    }

    @Test
    void theFirstFollowUpIsDueFirstWithinAfterArrivalToTheMillisecond() {
        Instant now = clock.instant();
        assertEquals(Instant.parse("2026-11-28T03:12:01.123Z"), FollowUpPolicy.defaults().get(Grade.A).firstDue(now));
        assertEquals(Instant.parse("2026-12-04T03:12:01.123Z"), FollowUpPolicy.defaults().get(Grade.B).firstDue(now));
        FollowUpPolicy quick = new FollowUpPolicy(Grade.A, TouchKind.CALL, Duration.ofSeconds(3), null);
        assertEquals(Instant.parse("2026-11-27T03:12:04.123Z"), quick.firstDue(now));
    }

    @Test
    void aRepeatingPolicyCountsFromTheTouchThatMetItAndASingleOneStops() {
        Instant touched = clock.instant().plus(Duration.ofHours(30));
        assertEquals(Instant.parse("2026-12-05T09:12:01.123Z"), FollowUpPolicy.defaults().get(Grade.B).nextAfterTouch(touched));
        assertNull(FollowUpPolicy.defaults().get(Grade.A).nextAfterTouch(touched));
        assertNull(FollowUpPolicy.defaults().get(Grade.A).nextAfterMiss(touched, touched));
    }

    @Test
    void afterAMissTheCadenceIsKeptUnlessDowntimeAteIt() {
        FollowUpPolicy b = FollowUpPolicy.defaults().get(Grade.B);
        Instant due = Instant.parse("2026-11-20T00:00:00Z");
        Instant noticed = due.plusMillis(300);
        assertEquals(Instant.parse("2026-11-27T00:00:00Z"), b.nextAfterMiss(due, noticed));
        Instant afterLongDowntime = Instant.parse("2026-11-28T10:00:00Z");
        assertEquals(Instant.parse("2026-12-05T10:00:00Z"), b.nextAfterMiss(due, afterLongDowntime), "never due in the past");
    }

    @Test
    void durationsAreIsoWholeSecondsAndReadBackTheSame() {
        assertEquals(Optional.of(Duration.ofHours(24)), Durations.parse("PT24H"));
        assertEquals(Optional.of(Duration.ofDays(7)), Durations.parse("p7d"));
        assertEquals(Optional.of(Duration.ofDays(14)), Durations.parse("P2W"));
        assertEquals(Optional.of(Duration.ofSeconds(3)), Durations.parse("PT3S"));
        assertEquals(Optional.empty(), Durations.parse("PT0.5S"));
        assertEquals(Optional.empty(), Durations.parse("24h"));
        assertEquals(Optional.empty(), Durations.parse("P1M"));
        assertEquals(Optional.empty(), Durations.parse(null));
        assertEquals("PT24H", Durations.iso(Duration.ofHours(24)));
        assertEquals("P7D", Durations.iso(Duration.ofDays(7)));
        assertEquals("PT3S", Durations.iso(Duration.ofSeconds(3)));
        assertNull(Durations.iso(null));
        assertEquals("1 hour 30 minutes", Durations.words(Duration.ofMinutes(90)));
        assertEquals("30 days", Durations.words(Duration.ofDays(30)));
        assertEquals("1 second", Durations.words(Duration.ofSeconds(1)));
    }

    @Test
    void badPoliciesNameEachField() {
        assertEquals(List.of("touchKind", "firstWithin"), fields(FollowUpPolicy.problems(null, null, null, null, null)));
        assertEquals(List.of("firstWithin", "repeatEvery"), fields(FollowUpPolicy.problems(TouchKind.CALL, "tomorrow", null, "weekly", null)));
        assertEquals(List.of("firstWithin", "repeatEvery"), fields(FollowUpPolicy.problems(TouchKind.CALL, "-PT1H", Duration.ofHours(-1), "PT30S",
                Duration.ofSeconds(30))));
        assertEquals(List.of("firstWithin"), fields(FollowUpPolicy.problems(TouchKind.CALL, "P400D", Duration.ofDays(400), null, null)));
        assertTrue(FollowUpPolicy.problems(TouchKind.CONTENT, "PT3S", Duration.ofSeconds(3), "P7D", Duration.ofDays(7)).isEmpty());
    }

    @Test
    void aPolicyWithoutAPositiveDurationCannotExist() {
        assertThrows(IllegalArgumentException.class, () -> new FollowUpPolicy(Grade.A, TouchKind.CALL, Duration.ZERO, null));
        assertThrows(IllegalArgumentException.class, () -> new FollowUpPolicy(Grade.B, TouchKind.CONTENT, Duration.ofDays(1), Duration.ZERO));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
