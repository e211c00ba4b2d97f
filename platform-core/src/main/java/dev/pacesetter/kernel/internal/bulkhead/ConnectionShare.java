package dev.pacesetter.kernel.internal.bulkhead;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The part of the pool one module may hold at once: its own limit, and a limit on all modules together that keeps
 * connections free for the platform (sign-in, health, the outbox). Waiting for a share is bounded like waiting for
 * the pool; a module that stays at its limit gets {@link ModuleBusyException}, and other modules never notice.
 */
final class ConnectionShare {

    private final String moduleId;
    private final Semaphore own;
    private final int ownLimit;
    private final Semaphore allModules;
    private final long waitNanos;

    ConnectionShare(String moduleId, int ownLimit, Semaphore allModules, long waitMillis) {
        this.moduleId = moduleId;
        this.own = new Semaphore(ownLimit, true);
        this.ownLimit = ownLimit;
        this.allModules = allModules;
        this.waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
    }

    void acquire() throws ModuleBusyException {
        long deadline = System.nanoTime() + waitNanos;
        try {
            if (!own.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new ModuleBusyException(moduleId, "module " + moduleId + " holds all " + ownLimit + " connections of its share");
            }
            if (!allModules.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                own.release();
                throw new ModuleBusyException(moduleId, "modules hold every connection not kept for the platform");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleBusyException(moduleId, "interrupted while waiting for a connection of module " + moduleId);
        }
    }

    void release() {
        allModules.release();
        own.release();
    }
}
