package dev.pacesetter.kernel.internal.schedule;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One registered handler and the runs in progress in it, so that a stopping bundle waits for its runs to
 * finish (and no new run starts) before its classes go away.
 */
final class HandlerSlot<H> {

    private final String module;
    private final H handler;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int running;
    private boolean closing;

    HandlerSlot(String module, H handler) {
        this.module = module;
        this.handler = handler;
    }

    String module() {
        return module;
    }

    H handler() {
        return handler;
    }

    /** Starts a run; false if the handler is going away (the caller then treats it as missing). */
    boolean enter() {
        lock.lock();
        try {
            if (closing) {
                return false;
            }
            running++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void exit() {
        lock.lock();
        try {
            if (--running == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new runs and waits up to {@code bound} for the current ones; true if none is left. */
    boolean close(Duration bound) throws InterruptedException {
        lock.lock();
        try {
            closing = true;
            long nanos = bound.toNanos();
            while (running > 0 && nanos > 0) {
                nanos = idle.awaitNanos(nanos);
            }
            return running == 0;
        } finally {
            lock.unlock();
        }
    }

    boolean closeQuietly(Duration bound) {
        try {
            return close(bound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
