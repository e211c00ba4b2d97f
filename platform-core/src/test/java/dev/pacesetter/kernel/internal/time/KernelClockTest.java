package dev.pacesetter.kernel.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.http.ApiException;

class KernelClockTest {

    private static final Instant SUNDAY_NIGHT_UTC = Instant.parse("2026-11-29T17:30:00Z"); // 01:30 on Monday in Shanghai
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void todayIsTheDateInTheBusinessZoneNotInUtc() {
        KernelClock time = new KernelClock(Clock.fixed(SUNDAY_NIGHT_UTC, ZoneOffset.UTC), SHANGHAI, false);
        assertEquals(LocalDate.of(2026, 11, 30), time.today());
        assertEquals(SUNDAY_NIGHT_UTC, time.now());
    }

    @Test
    void anAdjustableClockMovesForwardAndClocksHandedOutEarlierMoveWithIt() {
        KernelClock time = new KernelClock(Clock.fixed(SUNDAY_NIGHT_UTC, ZoneOffset.UTC), SHANGHAI, true);
        Clock handedOut = time.clock();
        Clock inShanghai = handedOut.withZone(SHANGHAI);
        time.advance(Duration.ofHours(24));
        assertEquals(SUNDAY_NIGHT_UTC.plus(Duration.ofHours(24)), handedOut.instant());
        assertEquals(SUNDAY_NIGHT_UTC.plus(Duration.ofHours(24)).toEpochMilli(), inShanghai.millis());
        assertEquals(LocalDate.of(2026, 12, 1), time.today());
        assertEquals(Duration.ofHours(24), time.offset());
    }

    @Test
    void theClockNeverMovesBackNorMovesWhenNotAdjustable() {
        KernelClock adjustable = new KernelClock(Clock.fixed(SUNDAY_NIGHT_UTC, ZoneOffset.UTC), SHANGHAI, true);
        assertThrows(IllegalArgumentException.class, () -> adjustable.advance(Duration.ofMinutes(-1)));
        KernelClock production = new KernelClock(Clock.fixed(SUNDAY_NIGHT_UTC, ZoneOffset.UTC), SHANGHAI, false);
        assertThrows(IllegalStateException.class, () -> production.advance(Duration.ofMinutes(1)));
        assertEquals(SUNDAY_NIGHT_UTC, production.now());
    }

    @Test
    void aStepIsADurationOrALaterTimeAndNothingElse() {
        assertEquals(Duration.ofDays(3), ClockRoutes.step(new ClockRoutes.Advance("P3D", null), SUNDAY_NIGHT_UTC));
        assertEquals(Duration.ofMinutes(30), ClockRoutes.step(new ClockRoutes.Advance(null, "2026-11-30T02:00:00+08:00"), SUNDAY_NIGHT_UTC),
                "to 02:00 in Shanghai: the nightly job's time");
        for (ClockRoutes.Advance wrong : new ClockRoutes.Advance[] {new ClockRoutes.Advance(null, null), new ClockRoutes.Advance("P1D", "2027-01-01T00:00:00Z"),
                new ClockRoutes.Advance("one day", null), new ClockRoutes.Advance("-PT1H", null), new ClockRoutes.Advance("P500D", null),
                new ClockRoutes.Advance(null, "2026-11-29T00:00:00Z"), new ClockRoutes.Advance(null, "tomorrow")}) {
            ApiException e = assertThrows(ApiException.class, () -> ClockRoutes.step(wrong, SUNDAY_NIGHT_UTC), wrong::toString);
            assertEquals(400, e.status(), wrong.toString());
        }
    }
}
