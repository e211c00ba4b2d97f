package dev.pacesetter.kernel.internal.webhooks;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off for failed deliveries: the base, doubled per failed attempt, spread by ±20% so
 * that a receiver coming back after an outage is not hit by every retry at once; capped at an hour.
 *
 * @param base wait after the first failed attempt
 * @param maxAttempts attempts before a delivery is parked
 * @param random values in [0, 1) for the jitter
 */
record RetryPolicy(Duration base, int maxAttempts, DoubleSupplier random) {

    static final Duration CAP = Duration.ofHours(1);
    static final double JITTER = 0.2;

    boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }

    /** The wait after the {@code failedAttempts}-th consecutive failure (1 = the first). */
    Duration delayAfter(int failedAttempts) {
        double nominal = Math.min((double) base.toMillis() * Math.pow(2, failedAttempts - 1), CAP.toMillis());
        double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
        return Duration.ofMillis(Math.round(nominal * factor));
    }
}
