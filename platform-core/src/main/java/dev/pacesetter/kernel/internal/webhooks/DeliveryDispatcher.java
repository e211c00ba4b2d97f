package dev.pacesetter.kernel.internal.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.events.Doorbell;
import dev.pacesetter.platform.api.db.ModuleDatabase;

/**
 * Sends due deliveries from this node: one thread looks for them and claims each with an optimistic
 * update (so nodes sharing a database never send one attempt twice), a few sender threads make the
 * attempts, so one slow receiver does not hold up the others. A claim outlives the longest attempt;
 * a node that dies mid-attempt leaves a claim that expires, and another node retries the delivery.
 *
 * <p>It does not poll while idle: it sleeps until new deliveries commit ({@link #wake()}), a sender frees up, or the
 * next retry falls due; the poll interval is only the safety net (deliveries written by another node, expired claims).
 */
final class DeliveryDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);
    static final int SENDERS = 4;
    static final Duration CLAIM = WebhookSender.CONNECT_TIMEOUT.plus(WebhookSender.REQUEST_TIMEOUT).plusSeconds(30);

    private final ModuleDatabase db;
    private final WebhookSender sender;
    private final RetryPolicy retry;
    private final Clock clock;
    private final String node;
    private final Duration poll;
    private final Semaphore slots = new Semaphore(SENDERS);
    private final Doorbell work = new Doorbell();
    private final ExecutorService senders;
    private final Thread thread;
    private volatile boolean running = true;

    DeliveryDispatcher(ModuleDatabase db, WebhookSender sender, RetryPolicy retry, Clock clock, String node, Duration poll) {
        this.db = db;
        this.sender = sender;
        this.retry = retry;
        this.clock = clock;
        this.node = node;
        this.poll = poll;
        AtomicInteger count = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(SENDERS, r -> {
            Thread t = new Thread(r, "pacesetter-webhooks-send-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::loop, "pacesetter-webhooks-dispatch");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** There may be deliveries to send now: deliveries committed, a parked one replayed, a webhook switched back on. */
    void wake() {
        work.ring();
    }

    private void loop() {
        while (running) {
            Duration wait;
            try {
                wait = round();
            } catch (RuntimeException e) {
                LOG.warn("Webhook delivery paused after a database error: {}", e.getMessage());
                wait = Duration.ofSeconds(1);
            }
            if (!wait.isZero()) {
                try {
                    work.await(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Claims as many due deliveries as there are free senders and hands them over.
     *
     * @return how long to sleep unless woken: zero when it started some (more may be due), else until the next retry
     *         falls due, at most the poll interval
     */
    Duration round() {
        int free = slots.availablePermits();
        if (free == 0) {
            return poll; // a sender that finishes rings
        }
        Instant now = clock.instant();
        List<Long> due = db.inTransaction(c -> DeliveryStore.due(c, now, free));
        if (due.isEmpty()) {
            Optional<Instant> next = db.inTransaction(c -> DeliveryStore.nextDue(c));
            Duration untilNext = next.map(at -> Duration.between(now, at)).filter(d -> d.compareTo(poll) < 0).orElse(poll);
            return untilNext.isNegative() || untilNext.isZero() ? Duration.ofMillis(1) : untilNext;
        }
        int started = 0;
        for (long id : due) {
            if (!running || !db.inTransaction(c -> DeliveryStore.claim(c, id, node, now, now.plus(CLAIM)))) {
                continue; // another node was quicker
            }
            slots.acquireUninterruptibly();
            senders.execute(() -> {
                try {
                    attempt(id);
                } catch (RuntimeException e) {
                    LOG.warn("Webhook delivery {} could not be recorded; it is retried when its claim expires: {}", id, e.getMessage());
                } finally {
                    slots.release();
                    work.ring();
                }
            });
            started++;
        }
        return started > 0 ? Duration.ZERO : poll;
    }

    private void attempt(long id) {
        Optional<DueDelivery> claimed = db.inTransaction(c -> DeliveryStore.claimed(c, id, node));
        if (claimed.isEmpty()) {
            return;
        }
        DueDelivery delivery = claimed.get();
        Instant at = clock.instant();
        AttemptOutcome outcome;
        try {
            outcome = sender.send(delivery);
        } catch (RuntimeException e) {
            outcome = new AttemptOutcome(null, e.getClass().getSimpleName() + ": " + e.getMessage(), 0);
        }
        int failed = delivery.attempts() + 1;
        DeliveryState next = outcome.delivered() ? DeliveryState.DELIVERED : retry.exhausted(failed) ? DeliveryState.PARKED : DeliveryState.PENDING;
        Instant retryAt = next == DeliveryState.PENDING ? clock.instant().plus(retry.delayAfter(failed)) : null;
        AttemptOutcome result = outcome;
        db.inTransaction(c -> DeliveryStore.recordAttempt(c, delivery, node, result, at, next, retryAt));
        if (next == DeliveryState.PARKED) {
            LOG.warn("Webhook {} delivery {} ({} {}) parked after {} failed attempts: {}", delivery.webhookId(), delivery.id(), delivery.topic(),
                    delivery.eventId(), failed, outcome.error());
        } else if (next == DeliveryState.PENDING) {
            LOG.debug("Webhook {} delivery {} failed (attempt {}), retrying at {}: {}", delivery.webhookId(), delivery.id(), failed, retryAt,
                    outcome.error());
        }
    }

    @Override
    public void close() {
        running = false; // no interrupts: H2 closes its database file when a thread is interrupted in the middle of I/O
        work.ring();
        try {
            thread.join(5_000);
            senders.shutdown();
            // attempts in flight finish and are recorded if they can; an unfinished one keeps its claim until it expires
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
