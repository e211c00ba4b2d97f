package dev.pacesetter.kernel.internal.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests being handled so shutdown can stop taking new ones and wait, within a bound, for the
 * rest. Lock-free on the request path; only a draining shutdown waits.
 */
final class InFlightRequests {

    private final AtomicInteger count = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean draining;

    /** @return false if the gateway is draining and the request must be turned away */
    boolean enter() {
        if (draining) {
            return false;
        }
        count.incrementAndGet();
        if (draining) { // drain began between the check and the increment: back out
            exit();
            return false;
        }
        return true;
    }

    void exit() {
        if (count.decrementAndGet() == 0 && draining) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    boolean isDraining() {
        return draining;
    }

    /** Refuses new requests, then waits for those in flight; returns how many were still running at the bound. */
    int drain(Duration bound) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (idle) {
            while (count.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                idle.wait(Math.max(1, left / 1_000_000));
            }
        }
        return count.get();
    }
}
