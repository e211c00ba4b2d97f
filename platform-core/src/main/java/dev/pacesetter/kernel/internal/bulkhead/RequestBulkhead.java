package dev.pacesetter.kernel.internal.bulkhead;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests one module's routes serve at once on this node. A few more wait briefly for a slot (a burst is
 * smoothed, not refused); beyond that queue a request is turned away at once, so a flooded module holds a bounded
 * number of server threads and the platform's routes and other modules keep theirs.
 */
public final class RequestBulkhead {

    private final Semaphore running;
    private final int limit;
    private final int queue;
    private final long waitNanos;
    private final AtomicInteger waiting = new AtomicInteger();

    RequestBulkhead(int limit, int queue, long waitMillis) {
        this.running = new Semaphore(limit, true);
        this.limit = limit;
        this.queue = queue;
        this.waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
    }

    /** @return whether the request may run; if so, {@link #exit()} must follow */
    public boolean enter() {
        if (running.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > queue) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return running.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    public void exit() {
        running.release();
    }

    /** Requests waiting for a slot now. */
    int waiting() {
        return waiting.get();
    }

    /** Requests running now. */
    int running() {
        return limit - running.availablePermits();
    }
}
