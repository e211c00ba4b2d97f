package dev.pacesetter.pipeline.internal.domain;

/**
 * What a new score means against the stored state: the owner is alerted when health drops below the threshold,
 * once, and not again until it has recovered (at or above the threshold) and dropped anew.
 */
public enum HealthTransition {
    /** Was fine, is below now: alert. */
    DROPPED,
    /** Was below and still is: alerted already. */
    STILL_BELOW,
    /** Was below, is fine now: the next drop alerts again. */
    RECOVERED,
    HEALTHY;

    /** @param wasBelow the stored state; false for an account never scored */
    public static HealthTransition of(boolean wasBelow, boolean below) {
        if (below) {
            return wasBelow ? STILL_BELOW : DROPPED;
        }
        return wasBelow ? RECOVERED : HEALTHY;
    }

    public boolean alerts() {
        return this == DROPPED;
    }
}
