package dev.pacesetter.kernel.internal.events;

import java.time.Duration;

/**
 * How delivery paces itself.
 *
 * @param poll the safety net: how long the sequencer and subscribers wait, when nothing wakes them, before looking
 *        anyway (a commit that writes events wakes them at once; the poll renews leases and takes over a dead node's
 *        subscribers, so it must stay well under the lease)
 * @param retryBase first back-off after a failed delivery; it doubles with every attempt (capped at a minute)
 * @param lease how long a node holds a subscriber after it last renewed it (another node takes over after that)
 * @param batch events read per round
 * @param threads how many subscribers' rounds may run at once on this node
 * @param linger how long the sequencer waits after a commit woke it, so that a burst of commits is numbered (and
 *        delivered) in one round rather than one round — and several more commits — per event
 */
public record EventTuning(Duration poll, Duration retryBase, Duration lease, int batch, int threads, Duration linger) {

    public static EventTuning of(Duration poll, Duration retryBase) {
        return new EventTuning(poll, retryBase, Duration.ofSeconds(15), 500, 4, Duration.ofMillis(10));
    }

    Duration backoff(int attempt) {
        long millis = retryBase.toMillis() << Math.min(attempt - 1, 16);
        return Duration.ofMillis(Math.min(millis, 60_000));
    }
}
