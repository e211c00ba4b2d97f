package dev.pacesetter.kernel.internal.time;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * The kernel's {@link PlatformClock}: the system clock, which an installation started with
 * {@code pacesetter.clock.adjustable=true} may move forward (never back: deadlines already fired, tokens already
 * expired and events already ordered would contradict it).
 */
public final class KernelClock implements PlatformClock {

    private final AdjustableClock clock;
    private final ZoneId businessZone;
    private final boolean adjustable;
    private final List<Runnable> advanced = new CopyOnWriteArrayList<>();

    public KernelClock(Clock system, ZoneId businessZone, boolean adjustable) {
        this.clock = new AdjustableClock(system);
        this.businessZone = businessZone;
        this.adjustable = adjustable;
    }

    public static KernelClock system(ZoneId businessZone, boolean adjustable) {
        return new KernelClock(Clock.systemUTC(), businessZone, adjustable);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public ZoneId businessZone() {
        return businessZone;
    }

    public boolean adjustable() {
        return adjustable;
    }

    /** How far the clock was moved forward since the start. */
    public Duration offset() {
        return clock.offset();
    }

    /**
     * Moves the clock forward.
     *
     * @throws IllegalStateException if this installation's clock is not adjustable
     * @throws IllegalArgumentException if {@code by} is negative
     */
    public void advance(Duration by) {
        if (!adjustable) {
            throw new IllegalStateException("the clock is not adjustable: start with pacesetter.clock.adjustable=true");
        }
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward, not by " + by);
        }
        clock.advance(by);
        for (Runnable listener : advanced) {
            listener.run();
        }
    }

    /**
     * Runs {@code listener} after each move: whatever sleeps until a time on this clock (the scheduler's next poll)
     * looks again at once instead of at its next wall-clock wake-up.
     */
    public void onAdvance(Runnable listener) {
        advanced.add(listener);
    }
}
