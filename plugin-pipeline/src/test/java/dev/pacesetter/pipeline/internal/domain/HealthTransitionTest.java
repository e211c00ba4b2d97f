package dev.pacesetter.pipeline.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HealthTransitionTest {

    @Test
    void aDropAlertsOnceUntilTheScoreRecovers() {
        assertEquals(HealthTransition.DROPPED, HealthTransition.of(false, true));
        assertEquals(HealthTransition.STILL_BELOW, HealthTransition.of(true, true));
        assertEquals(HealthTransition.RECOVERED, HealthTransition.of(true, false));
        assertEquals(HealthTransition.HEALTHY, HealthTransition.of(false, false));
    }

    @Test
    void nightAfterNightOfAQuietCustomerAlertsOnceAndAgainOnlyAfterARecovery() {
        Instant start = Instant.parse("2025-01-01T02:00:00Z");
        Instant lastContact = start;
        List<Tiering.OrderFact> none = List.of();
        boolean below = false;
        List<Integer> alertNights = new ArrayList<>();
        for (int night = 0; night < 170; night++) {
            Instant now = start.plus(Duration.ofDays(night));
            if (night == 80) {
                lastContact = now; // a visit: health recovers
            }
            HealthScoring scoring = new HealthScoring(HealthSettings.defaults(), Clock.fixed(now, ZoneOffset.UTC));
            HealthScoring.Health health = scoring.score(new HealthScoring.Signals(lastContact, null, none));
            HealthTransition transition = HealthTransition.of(below, health.below());
            if (transition.alerts()) {
                alertNights.add(night);
            }
            below = health.below();
        }
        // 17 (no demand either way) + 25 (no competitor) = 42: below 50 once contact is worth fewer than 8 of its 40 points,
        // 76 days after the last contact; the visit on night 80 recovers it, and the next drop is 76 days after that
        assertEquals(List.of(76, 156), alertNights);
    }
}
