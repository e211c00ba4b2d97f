package dev.pacesetter.kernel.internal.gateway;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Counts requests being handled so shutdown can stop taking new ones and wait, within a bound, for the rest. */
final class InFlightRequests {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int count;
    private boolean draining;

    /** @return false if the gateway is draining and the request must be turned away */
    boolean enter() {
        lock.lock();
        try {
            if (draining) {
                return false;
            }
            count++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void exit() {
        lock.lock();
        try {
            if (--count == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    boolean isDraining() {
        lock.lock();
        try {
            return draining;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new requests, then waits for those in flight; returns how many were still running at the bound. */
    int drain(Duration bound) throws InterruptedException {
        lock.lock();
        try {
            draining = true;
            long nanos = bound.toNanos();
            while (count > 0 && nanos > 0) {
                nanos = idle.awaitNanos(nanos);
            }
            return count;
        } finally {
            lock.unlock();
        }
    }
}
