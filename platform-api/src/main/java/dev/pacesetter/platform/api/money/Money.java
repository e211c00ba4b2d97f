package dev.pacesetter.platform.api.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import dev.pacesetter.platform.api.i18n.Message;

/**
 * An amount in a currency, as the API carries it: {@code {"amount":"12000.00","currency":"CNY"}} (decimals
 * travel as strings). Amounts are kept with the currency's minor units; more decimals than that are refused by
 * {@link #problem()} rather than rounded silently.
 */
public record Money(BigDecimal amount, String currency) {

    /**
     * Why this is not an acceptable non-negative amount, in the reader's language (keys {@code money.*} of the kernel's
     * message files), or null if it is.
     */
    public Message problemText() {
        if (amount == null) {
            return Message.of("money.amount-required");
        }
        if (currency == null) {
            return Message.of("money.currency-required");
        }
        Currency known;
        try {
            known = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            return Message.of("money.currency-unknown", currency);
        }
        if (amount.signum() < 0) {
            return Message.of("money.amount-negative");
        }
        if (amount.stripTrailingZeros().scale() > minorUnits(known)) {
            return Message.of("money.amount-decimals", minorUnits(known), currency);
        }
        if (amount.precision() - amount.scale() > 17) {
            return Message.of("money.amount-too-large");
        }
        return null;
    }

    /** Why this is not an acceptable non-negative amount, or null if it is (a fixed English text; see {@link #problemText()}). */
    public String problem() {
        if (amount == null) {
            return "amount is required";
        }
        if (currency == null) {
            return "currency is required (an ISO 4217 code such as CNY)";
        }
        Currency known;
        try {
            known = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            return "currency '" + currency + "' is not an ISO 4217 code";
        }
        if (amount.signum() < 0) {
            return "amount must not be negative";
        }
        if (amount.stripTrailingZeros().scale() > minorUnits(known)) {
            return "amount has more than " + minorUnits(known) + " decimals for " + currency;
        }
        if (amount.precision() - amount.scale() > 17) {
            return "amount is too large";
        }
        return null;
    }

    /** The amount with exactly the currency's minor units; only for a valid amount (nothing is rounded). */
    public BigDecimal scaled() {
        return amount.setScale(minorUnits(Currency.getInstance(currency)));
    }

    /**
     * Splits this amount by {@code weights} (non-negative, not all zero) into parts in the currency's minor
     * units that add up to exactly this amount: each part is rounded down, then the leftover minor units go one
     * each to the parts that lost most to rounding (ties to the earlier part).
     */
    public List<Money> allocate(List<BigDecimal> weights) {
        if (weights.isEmpty() || weights.stream().anyMatch(w -> w == null || w.signum() < 0)) {
            throw new IllegalArgumentException("weights must be non-negative: " + weights);
        }
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() == 0) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        int scale = minorUnits(Currency.getInstance(currency));
        BigDecimal whole = scaled();
        List<BigDecimal> parts = new ArrayList<>();
        List<BigDecimal> remainders = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            BigDecimal exact = whole.multiply(weight).divide(total, scale + 10, RoundingMode.DOWN);
            BigDecimal down = exact.setScale(scale, RoundingMode.DOWN);
            parts.add(down);
            remainders.add(exact.subtract(down));
            given = given.add(down);
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        long left = whole.subtract(given).divide(unit, 0, RoundingMode.UNNECESSARY).longValueExact();
        for (long n = 0; n < left; n++) {
            int best = 0;
            for (int i = 1; i < remainders.size(); i++) {
                if (remainders.get(i).compareTo(remainders.get(best)) > 0) {
                    best = i;
                }
            }
            parts.set(best, parts.get(best).add(unit));
            remainders.set(best, BigDecimal.ZERO.subtract(BigDecimal.ONE)); // one extra unit per part at most
        }
        return parts.stream().map(p -> new Money(p, currency)).toList();
    }

    private static int minorUnits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }
}
