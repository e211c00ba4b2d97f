package dev.pacesetter.pipeline.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class HealthScoringTest {

    private static final Instant NOW = Instant.parse("2025-06-30T02:00:00Z");
    private final HealthScoring scoring = new HealthScoring(HealthSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static Tiering.OrderFact order(int daysAgo, String amount) {
        return new Tiering.OrderFact(daysAgo(daysAgo), new BigDecimal(amount));
    }

    private static Map<String, Integer> points(HealthScoring.Health health) {
        return health.factors().stream().collect(Collectors.toMap(HealthScoring.Factor::factor, HealthScoring.Factor::points));
    }

    @Test
    void aCustomerInTouchWithSteadyDemandAndNoCompetitorIsFullyHealthy() {
        HealthScoring.Health h = scoring.score(new HealthScoring.Signals(daysAgo(3), null, List.of(order(30, "1000"), order(120, "1000"))));
        assertEquals(100, h.score());
        assertFalse(h.below());
        assertEquals(Map.of("lastContact", 40, "demandTrend", 35, "competitorContact", 25), points(h));
    }

    @Test
    void eachFactorShowsItsContributionAndTheyAddUpToTheScore() {
        // 52 days: 40 × (90 − 52) / (90 − 14) = 20; demand halved: 35 × 500/1000 = 17.5 → 18; competitor seen: 0
        HealthScoring.Health h = scoring.score(new HealthScoring.Signals(daysAgo(52), daysAgo(10), List.of(order(20, "500"), order(100, "1000"))));
        assertEquals(Map.of("lastContact", 20, "demandTrend", 18, "competitorContact", 0), points(h));
        assertEquals(38, h.score());
        assertTrue(h.below(), "38 < 50");
        assertEquals(50, h.threshold());
        assertEquals(List.of(40, 35, 25), h.factors().stream().map(HealthScoring.Factor::max).toList());
        assertEquals(dev.pacesetter.platform.api.i18n.Message.of("health.detail.last-contact", 52, 14, 90), h.factors().get(0).detail());
        assertEquals(HealthScoring.EXCLUSIVE_OFFER, HealthScoring.retentionAction(h), "competitor contact calls for an exclusive offer");
    }

    @Test
    void lastContactFadesLinearlyBetween14And90Days() {
        assertEquals(40, points(score(14)).get("lastContact"));
        assertEquals(39, points(score(15)).get("lastContact"), "40 × 75/76 = 39.47");
        assertEquals(1, points(score(89)).get("lastContact"));
        assertEquals(0, points(score(90)).get("lastContact"));
        assertEquals(0, points(score(400)).get("lastContact"));
    }

    private HealthScoring.Health score(int daysSinceContact) {
        return scoring.score(new HealthScoring.Signals(daysAgo(daysSinceContact), null, List.of()));
    }

    @Test
    void demandComparesTheLast90DaysWithThe90Before() {
        assertEquals(0, points(scoring.score(new HealthScoring.Signals(NOW, null, List.of(order(100, "1000"))))).get("demandTrend"), "stopped");
        assertEquals(35, points(scoring.score(new HealthScoring.Signals(NOW, null, List.of(order(10, "1"))))).get("demandTrend"), "new demand");
        assertEquals(17, points(scoring.score(new HealthScoring.Signals(NOW, null, List.of()))).get("demandTrend"), "no orders: half");
        assertEquals(17, points(scoring.score(new HealthScoring.Signals(NOW, null, List.of(order(200, "1000"))))).get("demandTrend"),
                "orders older than both windows do not count");
        assertEquals(35, points(scoring.score(new HealthScoring.Signals(NOW, null, List.of(order(10, "2000"), order(100, "1000")))))
                .get("demandTrend"), "growth is capped at full points");
    }

    @Test
    void competitorContactCountsFor90Days() {
        assertEquals(0, points(scoring.score(new HealthScoring.Signals(NOW, daysAgo(89), List.of()))).get("competitorContact"));
        assertEquals(25, points(scoring.score(new HealthScoring.Signals(NOW, daysAgo(91), List.of()))).get("competitorContact"));
    }

    @Test
    void theThresholdAndWeightsAreSettings() {
        HealthSettings settings = new HealthSettings(70, 60, 7, 30, 20, 30, 20, 30, 1);
        HealthScoring strict = new HealthScoring(settings, Clock.fixed(NOW, ZoneOffset.UTC));
        HealthScoring.Health h = strict.score(new HealthScoring.Signals(daysAgo(20), null, List.of()));
        assertEquals(Map.of("lastContact", 26, "demandTrend", 10, "competitorContact", 20), points(h), "60 × 10/23 = 26.1");
        assertTrue(h.below(), "56 < 70");
        assertEquals(HealthScoring.TAILORED_PLAN, HealthScoring.retentionAction(h), "no competitor: a tailored plan");
        assertFalse(scoring.score(new HealthScoring.Signals(daysAgo(20), null, List.of())).below(), "the default threshold is 50");
    }

    @Test
    void weightsMustAddUpTo100() {
        dev.pacesetter.platform.api.http.Validation v = new dev.pacesetter.platform.api.http.Validation();
        new HealthSettings(50, 40, 14, 90, 35, 90, 20, 90, 3).validate(v);
        assertEquals(List.of("contactWeight"), v.errors().stream().map(dev.pacesetter.platform.api.http.FieldError::field).toList());
        assertTrue(v.errors().get(0).message().contains("95"));
    }
}
