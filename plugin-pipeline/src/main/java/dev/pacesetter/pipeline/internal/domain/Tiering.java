package dev.pacesetter.pipeline.internal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.pacesetter.pipeline.api.Tier;

/** Puts a customer in a tier from its orders, by {@link TierThresholds}; the clock says what "now" is. */
public final class Tiering {

    /** An order as tiering and health see it: when, and how much in the tiering currency. */
    public record OrderFact(Instant at, BigDecimal amount) {
    }

    /**
     * The figures a tier is decided on: spend and orders in the window, orders per quarter, median days
     * between orders (null below two orders), days since the last order (null without orders).
     */
    public record Metrics(BigDecimal spend, String currency, int windowDays, int ordersInWindow, BigDecimal ordersPerQuarter, Long repurchaseCycleDays,
            Long daysSinceLastOrder) {
    }

    /** A tier with why. */
    public record Assessment(Tier tier, String reason, Metrics metrics) {
    }

    private final TierThresholds thresholds;
    private final Clock clock;

    public Tiering(TierThresholds thresholds, Clock clock) {
        this.thresholds = thresholds;
        this.clock = clock;
    }

    Metrics metrics(List<OrderFact> orders) {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(thresholds.windowDays()));
        List<OrderFact> sorted = orders.stream().filter(o -> !o.at().isAfter(now)).sorted(Comparator.comparing(OrderFact::at)).toList();
        List<OrderFact> window = sorted.stream().filter(o -> o.at().isAfter(from)).toList();
        BigDecimal spend = window.stream().map(OrderFact::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal quarters = BigDecimal.valueOf(thresholds.windowDays()).divide(BigDecimal.valueOf(365), 10, RoundingMode.HALF_UP)
                .multiply(BigDecimal.valueOf(4));
        BigDecimal perQuarter = BigDecimal.valueOf(window.size()).divide(quarters, 2, RoundingMode.HALF_UP);
        Long sinceLast = sorted.isEmpty() ? null : Duration.between(sorted.get(sorted.size() - 1).at(), now).toDays();
        return new Metrics(spend, thresholds.currency(), thresholds.windowDays(), window.size(), perQuarter, cycle(sorted), sinceLast);
    }

    public Assessment assess(List<OrderFact> orders) {
        Metrics m = metrics(orders);
        TierThresholds t = thresholds;
        if (m.daysSinceLastOrder() != null) {
            long dormantAfter = Math.max(t.dormantAfterDays(), m.repurchaseCycleDays() == null ? 0 : m.repurchaseCycleDays() * t.dormantAfterCycles());
            if (m.daysSinceLastOrder() >= dormantAfter) {
                return new Assessment(Tier.DORMANT, "no order for " + m.daysSinceLastOrder() + " days (dormant after " + dormantAfter + ")", m);
            }
        }
        boolean coreSpend = m.spend().compareTo(t.coreMinSpend()) >= 0;
        boolean coreFrequency = m.ordersPerQuarter().compareTo(t.coreMinOrdersPerQuarter()) >= 0;
        boolean coreCycle = m.repurchaseCycleDays() != null && m.repurchaseCycleDays() <= t.coreMaxCycleDays();
        String figures = "spend " + m.spend().toPlainString() + " " + m.currency() + " in " + m.windowDays() + " days, "
                + m.ordersPerQuarter().toPlainString() + " orders per quarter, repurchase cycle "
                + (m.repurchaseCycleDays() == null ? "unknown" : m.repurchaseCycleDays() + " days");
        if (coreSpend && coreFrequency && coreCycle) {
            return new Assessment(Tier.CORE, figures + ": spend ≥ " + t.coreMinSpend().toPlainString() + ", frequency ≥ "
                    + t.coreMinOrdersPerQuarter().toPlainString() + ", cycle ≤ " + t.coreMaxCycleDays(), m);
        }
        boolean growthSpend = m.spend().compareTo(t.growthMinSpend()) >= 0;
        boolean growthFrequency = m.ordersPerQuarter().compareTo(t.growthMinOrdersPerQuarter()) >= 0;
        if (growthSpend || growthFrequency) {
            return new Assessment(Tier.GROWTH, figures + ": " + (growthSpend ? "spend ≥ " + t.growthMinSpend().toPlainString()
                    : "frequency ≥ " + t.growthMinOrdersPerQuarter().toPlainString()) + ", not core", m);
        }
        return new Assessment(Tier.POTENTIAL, m.daysSinceLastOrder() == null ? "no orders yet" : figures + ": below the growth thresholds", m);
    }

    /** Median whole days between consecutive orders (the mean of the middle two for an even count). */
    private static Long cycle(List<OrderFact> sorted) {
        if (sorted.size() < 2) {
            return null;
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            gaps.add(Duration.between(sorted.get(i - 1).at(), sorted.get(i).at()).toDays());
        }
        gaps.sort(Comparator.naturalOrder());
        int mid = gaps.size() / 2;
        return gaps.size() % 2 == 1 ? gaps.get(mid) : (gaps.get(mid - 1) + gaps.get(mid)) / 2;
    }
}
