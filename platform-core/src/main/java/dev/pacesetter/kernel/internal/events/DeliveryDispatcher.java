package dev.pacesetter.kernel.internal.events;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every subscriber's delivery rounds on a few shared threads, only when there is something to do: events of its
 * topics were numbered, a retry is due, a round left work behind, or the safety-net poll (which also keeps leases and
 * takes over a dead node's subscribers). An idle node runs no round between two polls. One subscriber never runs two
 * rounds at once; a wake during a round makes it run once more.
 */
final class DeliveryDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final Duration AFTER_DATABASE_ERROR = Duration.ofSeconds(1);
    private static final Duration STOP_BOUND = Duration.ofSeconds(10);

    private final ScheduledExecutorService executor;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /**
     * @param threads how many rounds may run at once
     * @param safetyNet how often every subscriber looks even when nothing woke it
     */
    DeliveryDispatcher(int threads, Duration safetyNet) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "pacesetter-events-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newScheduledThreadPool(threads, factory);
        executor.scheduleWithFixedDelay(this::wakeAll, safetyNet.toMillis(), safetyNet.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts delivering to {@code delivery}; false if a subscriber of that name is already here. */
    boolean add(DeliveryRounds delivery) {
        Slot slot = new Slot(delivery);
        if (slots.putIfAbsent(delivery.name(), slot) != null) {
            return false;
        }
        slot.wake();
        return true;
    }

    /** Stops delivering to the subscriber: a round in progress finishes its event (bounded), then the lease is given back. */
    void remove(String name) {
        Slot slot = slots.remove(name);
        if (slot != null) {
            slot.stop();
        }
    }

    /** Wakes the subscribers that receive any of the numbered events' topics. */
    void wake(EventStore.Numbered numbered) {
        slots.values().stream().filter(slot -> numbered.concerns(slot.delivery.filter())).forEach(Slot::wake);
    }

    void wakeAll() {
        slots.values().forEach(Slot::wake);
    }

    @Override
    public void close() {
        slots.values().forEach(Slot::stop);
        slots.clear();
        executor.shutdown(); // no interrupt: H2 closes its database file when a thread is interrupted in the middle of I/O
    }

    /** One subscriber's place in the dispatcher: at most one round queued or running, and one more if woken meanwhile. */
    private final class Slot {

        private static final int IDLE = 0;
        private static final int QUEUED = 1;
        private static final int RUNNING = 2;
        private static final int RUNNING_WOKEN = 3;

        private final DeliveryRounds delivery;
        private final AtomicInteger state = new AtomicInteger(IDLE);
        private volatile boolean stopped;
        private volatile ScheduledFuture<?> retry;

        Slot(DeliveryRounds delivery) {
            this.delivery = delivery;
        }

        void wake() {
            while (!stopped) {
                int now = state.get();
                if (now == IDLE && state.compareAndSet(IDLE, QUEUED)) {
                    submit();
                    return;
                }
                if (now == RUNNING && state.compareAndSet(RUNNING, RUNNING_WOKEN)) {
                    return;
                }
                if (now == QUEUED || now == RUNNING_WOKEN) {
                    return;
                }
            }
        }

        private void submit() {
            try {
                executor.execute(this::run);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                finished();
            }
        }

        private void run() {
            if (stopped) {
                finished();
                return;
            }
            state.set(RUNNING);
            Duration next;
            try {
                next = delivery.round();
            } catch (RuntimeException e) {
                LOG.warn("Event delivery to {} paused after a database error: {}", delivery.name(), e.getMessage());
                next = AFTER_DATABASE_ERROR;
            }
            if (stopped) {
                finished();
                return;
            }
            if (next != null && next.isZero()) {
                state.set(QUEUED);
                submit();
                return;
            }
            if (next != null) {
                ScheduledFuture<?> previous = retry;
                if (previous != null) {
                    previous.cancel(false);
                }
                retry = executor.schedule(this::wake, next.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (!state.compareAndSet(RUNNING, IDLE)) {
                state.set(QUEUED); // woken during the round
                submit();
            }
        }

        private synchronized void finished() {
            state.set(IDLE);
            notifyAll();
        }

        synchronized void stop() {
            stopped = true;
            delivery.stop();
            ScheduledFuture<?> pending = retry;
            if (pending != null) {
                pending.cancel(false);
            }
            long deadline = System.nanoTime() + STOP_BOUND.toNanos();
            try {
                // a handler in the middle of an event finishes it; the bundle is going away, so do not wait forever
                while (state.get() == RUNNING || state.get() == RUNNING_WOKEN) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        LOG.warn("Subscriber {} is still handling an event after {} s; it is left to finish alone", delivery.name(),
                                STOP_BOUND.toSeconds());
                        break;
                    }
                    wait(Math.max(1, Math.min(50, left / 1_000_000))); // a round that ended without seeing the stop does not notify
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivery.release();
        }
    }
}
