package dev.pacesetter.pipeline.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pacesetter.pipeline.api.Tier;

class TieringTest {

    private static final Instant NOW = Instant.parse("2025-06-30T02:00:00Z");
    private final Tiering tiering = new Tiering(TierThresholds.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static Tiering.OrderFact order(int daysAgo, String amount) {
        return new Tiering.OrderFact(NOW.minus(Duration.ofDays(daysAgo)), new BigDecimal(amount));
    }

    /** {@code count} orders of {@code amount}, one every {@code every} days, the latest {@code latest} days ago. */
    private static List<Tiering.OrderFact> regular(int count, int every, int latest, String amount) {
        List<Tiering.OrderFact> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(order(latest + i * every, amount));
        }
        return orders;
    }

    @Test
    void anAccountWithoutOrdersHasPotential() {
        Tiering.Assessment a = tiering.assess(List.of());
        assertEquals(Tier.POTENTIAL, a.tier());
        assertNull(a.metrics().daysSinceLastOrder());
        assertNull(a.metrics().repurchaseCycleDays());
        assertEquals("no orders yet", a.reason());
    }

    @Test
    void bigFrequentRegularSpendIsCore() {
        Tiering.Assessment a = tiering.assess(regular(6, 60, 10, "100000.00"));
        assertEquals(Tier.CORE, a.tier(), a.reason());
        assertEquals(new BigDecimal("600000.00"), a.metrics().spend());
        assertEquals(60L, a.metrics().repurchaseCycleDays());
        assertEquals(new BigDecimal("1.50"), a.metrics().ordersPerQuarter());
        assertEquals(10L, a.metrics().daysSinceLastOrder());
    }

    @Test
    void coreNeedsAllThreeOfSpendFrequencyAndCycle() {
        assertEquals(Tier.GROWTH, tiering.assess(List.of(order(5, "900000.00"))).tier(), "one big order: no cycle, 0.25 per quarter");
        assertEquals(Tier.GROWTH, tiering.assess(regular(4, 90, 5, "100000.00")).tier(), "spend 400000 is below 500000");
        assertEquals(Tier.GROWTH, tiering.assess(regular(2, 150, 5, "300000.00")).tier(), "a cycle of 150 days is over 120");
    }

    @Test
    void growthBySpendOrByFrequency() {
        assertEquals(Tier.GROWTH, tiering.assess(List.of(order(30, "100000.00"))).tier(), "spend exactly at the threshold counts");
        assertEquals(Tier.POTENTIAL, tiering.assess(List.of(order(30, "99999.99"))).tier());
        assertEquals(Tier.GROWTH, tiering.assess(regular(4, 80, 20, "1000.00")).tier(), "4 small orders a year: 1 per quarter");
        assertEquals(Tier.POTENTIAL, tiering.assess(regular(3, 80, 20, "1000.00")).tier(), "3 a year: 0.75 per quarter");
    }

    @Test
    void ordersOutsideTheWindowDoNotCountAsSpend() {
        Tiering.Assessment a = tiering.assess(List.of(order(170, "2000000.00"), order(400, "2000000.00")));
        assertEquals(new BigDecimal("2000000.00"), a.metrics().spend());
        assertEquals(1, a.metrics().ordersInWindow());
    }

    @Test
    void noOrderFor180DaysIsDormantUnlessTheCustomersOwnCycleIsLonger() {
        assertEquals(Tier.DORMANT, tiering.assess(List.of(order(180, "900000.00"))).tier(), "exactly 180 days");
        assertEquals(Tier.GROWTH, tiering.assess(List.of(order(179, "900000.00"))).tier());
        // buys once a year: dormant only after two of its cycles
        List<Tiering.OrderFact> yearly = regular(3, 200, 300, "200000.00");
        Tiering.Assessment a = tiering.assess(yearly);
        assertEquals(200L, a.metrics().repurchaseCycleDays());
        assertEquals(Tier.GROWTH, a.tier(), "300 days without an order, but its cycle is 200: " + a.reason());
        assertEquals(Tier.DORMANT, tiering.assess(regular(3, 200, 400, "200000.00")).tier());
    }

    @Test
    void thresholdsAreData() {
        TierThresholds strict = new TierThresholds("CNY", 365, new BigDecimal("1000000.00"), new BigDecimal("2.00"), 45, new BigDecimal("1000.00"),
                new BigDecimal("1.00"), 30, 0);
        Tiering byStrict = new Tiering(strict, Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(Tier.GROWTH, byStrict.assess(regular(6, 60, 10, "100000.00")).tier());
        assertEquals(Tier.DORMANT, byStrict.assess(List.of(order(31, "5000.00"))).tier());
        assertEquals(Tier.GROWTH, byStrict.assess(List.of(order(29, "5000.00"))).tier());
    }

    @Test
    void theMedianGapIsTheRepurchaseCycleAndFutureOrdersAreIgnored() {
        Tiering.Assessment a = tiering.assess(List.of(order(0, "1.00"), order(10, "1.00"), order(40, "1.00"), order(100, "1.00"),
                new Tiering.OrderFact(NOW.plus(Duration.ofDays(3)), new BigDecimal("1.00"))));
        assertEquals(30L, a.metrics().repurchaseCycleDays(), "gaps 10, 30, 60");
        assertEquals(0L, a.metrics().daysSinceLastOrder());
        assertTrue(a.reason().contains("repurchase cycle 30 days"), a.reason());
    }
}
