package dev.pacesetter.kernel.internal.events;

import java.time.Duration;

/**
 * Wakes one waiting worker when there is work: rings collapse until the worker looks, so a burst of a thousand commits
 * costs it one round, and a worker nobody rings sleeps until its safety-net poll.
 */
public final class Doorbell {

    private boolean rung;

    public synchronized void ring() {
        rung = true;
        notifyAll();
    }

    /**
     * Waits until rung or {@code atMost} passed, and clears the bell.
     *
     * @return whether it was rung (false: the wait timed out)
     */
    public synchronized boolean await(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!rung) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        rung = false;
        return true;
    }
}
