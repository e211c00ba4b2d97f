package dev.pacesetter.kernel.internal.webhooks;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.pacesetter.kernel.internal.events.TopicFilter;
import dev.pacesetter.platform.api.db.ModuleDatabase;

/**
 * The active webhooks and their topic filters, read at most once a second, so the fan-out does not
 * query the table for every event of a busy stream. A change made on this node applies at once
 * ({@link #changed()}); one made on another node within a second. The dispatcher checks that a webhook
 * is still active before each attempt, so a delivery created in that second is not sent while paused.
 */
final class ActiveWebhooks {

    static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** An active webhook as the fan-out matches it. */
    record Matcher(long id, TopicFilter filter) {
    }

    private record Snapshot(List<Matcher> webhooks, long loadedAt, long version) {
    }

    private final ModuleDatabase db;
    // counts changes, so that a list read while a change committed is not taken for the new state
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot;

    ActiveWebhooks(ModuleDatabase db) {
        this.db = db;
    }

    List<Matcher> current() {
        Snapshot current = snapshot;
        long version = changes.get();
        long now = System.nanoTime();
        if (current == null || current.version() != version || now - current.loadedAt() > MAX_AGE_NANOS) {
            List<Matcher> webhooks = db.inTransaction(WebhookStore::active).stream()
                    .map(subscription -> new Matcher(subscription.id(), new TopicFilter(Set.copyOf(subscription.topics())))).toList();
            current = new Snapshot(webhooks, now, version);
            snapshot = current;
        }
        return current.webhooks();
    }

    /** Called after a change committed: the next event reads the table. */
    void changed() {
        changes.incrementAndGet();
    }
}
