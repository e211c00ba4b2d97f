package dev.pacesetter.kernel.internal.events;

import java.time.Duration;

/** What the {@link DeliveryDispatcher} runs for one subscriber: rounds, and a stop. */
interface DeliveryRounds {

    String name();

    TopicFilter filter();

    /**
     * One round.
     *
     * @return when the next round should run: {@link Duration#ZERO} at once (more is waiting), a delay for a retry, or
     *         {@code null} when only new events (or the safety-net poll) should start one
     */
    Duration round();

    /** No round after the one in progress; the one in progress stops after its current event. */
    void stop();

    /** Called once the last round ended, to give back what the rounds held (a lease). */
    void release();
}
