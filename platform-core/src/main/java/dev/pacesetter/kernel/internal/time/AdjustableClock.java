package dev.pacesetter.kernel.internal.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that runs with the system clock, shifted by an offset that only grows. Views in other zones share the offset,
 * so a clock handed out before a move sees it too.
 */
final class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicLong offsetNanos;

    AdjustableClock(Clock base) {
        this(base.withZone(ZoneOffset.UTC), new AtomicLong());
    }

    private AdjustableClock(Clock base, AtomicLong offsetNanos) {
        this.base = base;
        this.offsetNanos = offsetNanos;
    }

    void advance(Duration by) {
        offsetNanos.addAndGet(by.toNanos());
    }

    Duration offset() {
        return Duration.ofNanos(offsetNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(base.getZone()) ? this : new AdjustableClock(base.withZone(zone), offsetNanos);
    }

    @Override
    public Instant instant() {
        return base.instant().plusNanos(offsetNanos.get());
    }

    @Override
    public long millis() {
        return base.millis() + offsetNanos.get() / 1_000_000;
    }
}
