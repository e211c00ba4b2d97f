package dev.pacesetter.kernel.internal.events;

import java.time.Duration;

/**
 * How delivery paces itself.
 *
 * @param poll how long an idle sequencer or subscriber waits before looking again
 * @param retryBase first back-off after a failed delivery; it doubles with every attempt (capped at a minute)
 * @param lease how long a node holds a subscriber after it last renewed it (another node takes over after that)
 * @param batch events read per round
 */
public record EventTuning(Duration poll, Duration retryBase, Duration lease, int batch) {

    public static EventTuning of(Duration poll, Duration retryBase) {
        return new EventTuning(poll, retryBase, Duration.ofSeconds(15), 500);
    }

    Duration backoff(int attempt) {
        long millis = retryBase.toMillis() << Math.min(attempt - 1, 16);
        return Duration.ofMillis(Math.min(millis, 60_000));
    }
}
