package dev.pacesetter.leads.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per caller: {@code perMinute} requests a minute on average, at most {@code perMinute} at once.
 * Bounded: it remembers at most {@code maxCallers} callers; when full, callers whose bucket has refilled (who
 * would be allowed anyway) are forgotten first, then the least recently seen — so a flood of distinct callers
 * cannot grow memory, only make a forgotten caller start again with a full bucket. Thread-safe.
 */
public final class RateLimiter {

    private final int perMinute;
    private final int maxCallers;
    private final Clock clock;
    /** Access order: the eldest entry is the caller seen least recently. */
    private final LinkedHashMap<Long, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

    private static final class Bucket {
        double tokens;
        Instant updated;

        Bucket(double tokens, Instant updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public RateLimiter(int perMinute, int maxCallers, Clock clock) {
        if (perMinute < 1 || maxCallers < 1) {
            throw new IllegalArgumentException("perMinute and maxCallers must be at least 1");
        }
        this.perMinute = perMinute;
        this.maxCallers = maxCallers;
        this.clock = clock;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Takes one request for {@code caller}: empty if allowed, else how long until the next one is. */
    public synchronized Optional<Duration> acquire(long caller) {
        Instant now = clock.instant();
        Bucket bucket = buckets.get(caller);
        if (bucket == null) {
            makeRoom(now);
            bucket = new Bucket(perMinute, now);
            buckets.put(caller, bucket);
        }
        refill(bucket, now);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Optional.empty();
        }
        double perMilli = perMinute / 60_000.0;
        long waitMillis = (long) Math.ceil((1 - bucket.tokens) / perMilli);
        return Optional.of(Duration.ofMillis(Math.max(1, waitMillis)));
    }

    synchronized int size() {
        return buckets.size();
    }

    private void refill(Bucket bucket, Instant now) {
        long elapsed = Math.max(0, Duration.between(bucket.updated, now).toMillis());
        bucket.tokens = Math.min(perMinute, bucket.tokens + elapsed * (perMinute / 60_000.0));
        bucket.updated = now;
    }

    private void makeRoom(Instant now) {
        if (buckets.size() < maxCallers) {
            return;
        }
        for (Iterator<Map.Entry<Long, Bucket>> it = buckets.entrySet().iterator(); it.hasNext();) {
            Bucket b = it.next().getValue();
            if (Duration.between(b.updated, now).toMillis() * (perMinute / 60_000.0) + b.tokens >= perMinute) {
                it.remove();
            }
        }
        while (buckets.size() >= maxCallers) {
            Iterator<Long> eldest = buckets.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }
}
