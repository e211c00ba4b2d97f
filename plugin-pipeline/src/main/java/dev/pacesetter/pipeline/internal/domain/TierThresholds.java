package dev.pacesetter.pipeline.internal.domain;

import java.math.BigDecimal;

import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.money.Money;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * How spend, repurchase cycle and demand frequency make a tier ({@code /api/v1/tier-thresholds}); also the
 * body of PUT. Spend counts the orders in {@code currency} of the last {@code windowDays}; frequency is orders
 * per quarter in that window; the cycle is the median number of days between orders.
 *
 * <ul>
 * <li>DORMANT: ordered before, but not for {@code dormantAfterDays} nor for {@code dormantAfterCycles} of its own cycles;</li>
 * <li>CORE: spend ≥ {@code coreMinSpend}, ≥ {@code coreMinOrdersPerQuarter} orders per quarter and a cycle of at most
 * {@code coreMaxCycleDays};</li>
 * <li>GROWTH: spend ≥ {@code growthMinSpend} or ≥ {@code growthMinOrdersPerQuarter} orders per quarter;</li>
 * <li>POTENTIAL: everyone else, accounts without orders included.</li>
 * </ul>
 */
public record TierThresholds(String currency, Integer windowDays, BigDecimal coreMinSpend, BigDecimal coreMinOrdersPerQuarter,
        Integer coreMaxCycleDays, BigDecimal growthMinSpend, BigDecimal growthMinOrdersPerQuarter, Integer dormantAfterDays,
        Integer dormantAfterCycles) {

    /** The defaults of the migration: what applies while the table has no row. */
    public static TierThresholds defaults() {
        return new TierThresholds("CNY", 365, new BigDecimal("500000.00"), new BigDecimal("1.00"), 120, new BigDecimal("100000.00"),
                new BigDecimal("1.00"), 180, 2);
    }

    /** Reports every field problem to {@code v}. */
    public void validate(Validation v) {
        Message spendProblem = currency == null ? Message.of("field.required") : new Money(BigDecimal.ZERO, currency).problemText();
        if (spendProblem != null) {
            v.require(false, "currency", spendProblem);
        }
        v.require(windowDays != null && windowDays >= 30 && windowDays <= 1095, "windowDays", Message.of("field.range", 30, 1095));
        money(v, "coreMinSpend", coreMinSpend);
        money(v, "growthMinSpend", growthMinSpend);
        rate(v, "coreMinOrdersPerQuarter", coreMinOrdersPerQuarter);
        rate(v, "growthMinOrdersPerQuarter", growthMinOrdersPerQuarter);
        v.require(coreMaxCycleDays != null && coreMaxCycleDays >= 1 && coreMaxCycleDays <= 3650, "coreMaxCycleDays", Message.of("field.range", 1, 3650));
        v.require(dormantAfterDays != null && dormantAfterDays >= 1 && dormantAfterDays <= 3650, "dormantAfterDays", Message.of("field.range", 1, 3650));
        v.require(dormantAfterCycles != null && dormantAfterCycles >= 0 && dormantAfterCycles <= 100, "dormantAfterCycles",
                Message.of("field.dormant-cycles"));
        if (coreMinSpend != null && growthMinSpend != null && coreMinSpend.signum() >= 0 && growthMinSpend.signum() >= 0) {
            v.require(coreMinSpend.compareTo(growthMinSpend) >= 0, "coreMinSpend", Message.of("field.core-min-spend"));
        }
    }

    private static void money(Validation v, String field, BigDecimal amount) {
        v.require(amount != null && amount.signum() >= 0 && amount.scale() <= 2 && amount.precision() - amount.scale() <= 17, field,
                Message.of("field.spend"));
    }

    private static void rate(Validation v, String field, BigDecimal rate) {
        v.require(rate != null && rate.signum() >= 0 && rate.compareTo(new BigDecimal("1000")) <= 0 && rate.stripTrailingZeros().scale() <= 2,
                field, Message.of("field.rate"));
    }
}
