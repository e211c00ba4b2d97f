package dev.pacesetter.kernel.internal.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.db.DatabaseFaults;
import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.events.EventSubscriber;

/**
 * Delivers the stream to one subscriber from this node, a round at a time, while this node holds the subscriber's
 * lease: reads a batch after the cursor, hands the events over in order, then moves the cursor. A failure stops the
 * batch; the event is retried after a back-off and parked after {@link EventSubscriber#MAX_ATTEMPTS} attempts. The
 * {@link DeliveryDispatcher} decides when rounds run.
 */
final class SubscriberDelivery implements DeliveryRounds {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberDelivery.class);
    private static final Duration MAX_ROUND = Duration.ofSeconds(5);

    private final EventSubscriber subscriber;
    private final String name;
    private final TopicFilter filter;
    private final ModuleDatabase db;
    private final String node;
    private final JsonCodec json;
    private final Clock clock;
    private final EventTuning tuning;
    private volatile boolean running = true;

    SubscriberDelivery(EventSubscriber subscriber, String name, TopicFilter filter, ModuleDatabase db, String node, JsonCodec json, Clock clock,
            EventTuning tuning) {
        this.subscriber = subscriber;
        this.name = name;
        this.filter = filter;
        this.db = db;
        this.node = node;
        this.json = json;
        this.clock = clock;
        this.tuning = tuning;
    }

    @Override
    public void stop() {
        running = false;
    }

    EventSubscriber subscriber() {
        return subscriber;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TopicFilter filter() {
        return filter;
    }

    /** Gives the lease back, so that another node may take the subscriber at once; it expires by itself otherwise. */
    @Override
    public void release() {
        try {
            db.inTransaction(c -> {
                EventStore.release(c, name, node);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.debug("Could not release the lease of {}; it expires by itself", name, e);
        }
    }

    @Override
    public Duration round() {
        Instant now = clock.instant();
        Optional<EventStore.Cursor> claimed = db.inTransaction(c -> EventStore.claim(c, name, node, now, now.plus(tuning.lease())));
        if (claimed.isEmpty()) {
            return null; // another node delivers to it; the safety-net poll takes over should that node die
        }
        EventStore.Cursor cursor = claimed.get();
        if (cursor.retryAt() != null && now.isBefore(cursor.retryAt())) {
            return Duration.between(now, cursor.retryAt());
        }
        // read the end of the stream first: every position up to it is committed, so a batch that reaches
        // the end lets the cursor skip the other subscribers' events after its last one
        long[] end = {0};
        List<StoredEvent> batch = db.inTransaction(c -> {
            end[0] = EventStore.lastPosition(c);
            return EventStore.after(c, cursor.position(), filter, tuning.batch(), json);
        });
        boolean complete = batch.size() < tuning.batch();
        long position = cursor.position();
        int failures = cursor.failures();
        int delivered = 0;
        long deadline = System.nanoTime() + MAX_ROUND.toNanos();
        for (StoredEvent event : batch) {
            int attempt = failures + 1;
            try {
                subscriber.handle(event.withAttempt(attempt));
            } catch (Exception | LinkageError e) {
                if (DatabaseFaults.isUnavailable(e)) {
                    return heldBack(event, position, failures, delivered, e);
                }
                return failed(event, position, attempt, delivered, e);
            }
            position = event.position();
            failures = 0;
            delivered++;
            if (!running || System.nanoTime() > deadline) {
                complete = false;
                break;
            }
        }
        long reached = complete ? Math.max(position, end[0]) : position;
        if (reached != cursor.position() || cursor.failures() > 0) {
            int count = delivered;
            db.inTransaction(c -> EventStore.advance(c, name, node, reached, 0, null, null, count));
        }
        return complete ? null : Duration.ZERO;
    }

    /**
     * The subscriber's database was out of reach (down, or its module's share of connections taken by a flood): not
     * the subscriber's fault, so the attempt does not count towards parking; the event is tried again shortly.
     */
    private Duration heldBack(StoredEvent event, long position, int failures, int delivered, Throwable error) {
        Duration wait = tuning.backoff(1);
        LOG.info("Subscriber {} could not reach its database for {}; trying again in {} ms: {}", name, event, wait.toMillis(),
                error.getMessage());
        Instant now = clock.instant();
        db.inTransaction(c -> EventStore.advance(c, name, node, position, failures, now.plus(wait), error.getMessage(), delivered));
        return wait;
    }

    private Duration failed(StoredEvent event, long position, int attempt, int delivered, Throwable error) {
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        Instant now = clock.instant();
        if (attempt >= EventSubscriber.MAX_ATTEMPTS) {
            LOG.error("Subscriber {} failed {} times on {}; parked it and moved on: {}", name, attempt, event, message, error);
            db.inTransaction(c -> {
                EventStore.park(c, name, event, attempt, message, now);
                return EventStore.advance(c, name, node, event.position(), 0, null, message, delivered);
            });
            return Duration.ZERO;
        }
        Duration wait = tuning.backoff(attempt);
        LOG.warn("Subscriber {} failed on {} (attempt {} of {}); retrying in {} ms: {}", name, event, attempt, EventSubscriber.MAX_ATTEMPTS,
                wait.toMillis(), message);
        db.inTransaction(c -> EventStore.advance(c, name, node, position, attempt, now.plus(wait), message, delivered));
        return wait;
    }
}
