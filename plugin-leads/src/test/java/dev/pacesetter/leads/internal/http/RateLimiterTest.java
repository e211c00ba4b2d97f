package dev.pacesetter.leads.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves. */
    private static final class Manual extends Clock {
        Instant now = Instant.parse("2026-11-29T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aCallerGetsTheLimitAtOnceThenWaitsForTheBucketToRefill() {
        Manual clock = new Manual();
        RateLimiter limiter = new RateLimiter(3, 100, clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire(1).isEmpty(), "request " + i);
        }
        Optional<Duration> wait = limiter.acquire(1);
        assertEquals(Optional.of(Duration.ofSeconds(20)), wait, "one request every 20 s at 3 a minute");
        assertTrue(limiter.acquire(2).isEmpty(), "another caller has its own bucket");
        clock.now = clock.now.plusSeconds(20);
        assertTrue(limiter.acquire(1).isEmpty());
        assertTrue(limiter.acquire(1).isPresent());
    }

    @Test
    void memoryIsBoundedByTheNumberOfCallersRemembered() {
        Manual clock = new Manual();
        RateLimiter limiter = new RateLimiter(2, 10, clock);
        limiter.acquire(0);
        limiter.acquire(0);
        for (long caller = 1; caller < 1000; caller++) {
            limiter.acquire(caller);
        }
        assertTrue(limiter.size() <= 10, "size " + limiter.size());
    }
}
