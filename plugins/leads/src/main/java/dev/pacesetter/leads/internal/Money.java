package dev.pacesetter.leads.internal;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount in a currency, as the API carries it: {@code {"amount":"12000.00","currency":"CNY"}}. Amounts are
 * kept with the currency's minor units; more decimals than that are refused rather than rounded silently.
 */
public record Money(BigDecimal amount, String currency) {

    /** Why this is not an acceptable non-negative amount, or null if it is. */
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
        int digits = Math.max(0, known.getDefaultFractionDigits());
        if (amount.stripTrailingZeros().scale() > digits) {
            return "amount has more than " + digits + " decimals for " + currency;
        }
        if (amount.precision() - amount.scale() > 17) {
            return "amount is too large";
        }
        return null;
    }

    /** The amount with exactly the currency's minor units (only called on a valid amount, so no rounding happens). */
    public BigDecimal scaled() {
        return amount.setScale(Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()));
    }
}
