package dev.pacesetter.kernel.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryDispatcherTest {

    /** No safety net within a test's lifetime: every round here was started by a wake, a retry or left-over work. */
    private final DeliveryDispatcher dispatcher = new DeliveryDispatcher(2, Duration.ofHours(1));

    @AfterEach
    void close() {
        dispatcher.close();
    }

    /** A subscriber whose rounds answer from a script (then "idle"), counting them; a round can be held open. */
    private static final class Scripted implements DeliveryRounds {
        final String name;
        final TopicFilter filter;
        final AtomicInteger rounds = new AtomicInteger();
        final Deque<Duration> answers = new ArrayDeque<>();
        volatile CountDownLatch hold = new CountDownLatch(0);
        volatile CountDownLatch entered = new CountDownLatch(1);
        final AtomicBoolean released = new AtomicBoolean();

        Scripted(String name, String topics) {
            this.name = name;
            this.filter = new TopicFilter(Set.of(topics));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public TopicFilter filter() {
            return filter;
        }

        @Override
        public Duration round() {
            rounds.incrementAndGet();
            entered.countDown();
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (answers) {
                return answers.isEmpty() ? null : answers.poll();
            }
        }

        @Override
        public void stop() {
        }

        @Override
        public void release() {
            released.set(true);
        }
    }

    /** Waits until the dispatcher has nothing queued: a marker subscriber's round runs after every task queued before it. */
    private void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            Scripted marker = new Scripted("marker-" + System.nanoTime(), "none/none");
            dispatcher.add(marker);
            assertTrue(marker.entered.await(5, TimeUnit.SECONDS));
            dispatcher.remove(marker.name());
        }
    }

    private static void awaitRounds(Scripted subscriber, int rounds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (subscriber.rounds.get() < rounds && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @Test
    void anIdleSubscriberRunsOneRoundWhenAddedAndNoneUntilWoken() throws InterruptedException {
        Scripted leads = new Scripted("leads-watch", "leads/*");
        dispatcher.add(leads);
        awaitRounds(leads, 1);
        settle();
        assertEquals(1, leads.rounds.get(), "the first round catches up with what happened while it was away");
        settle();
        assertEquals(1, leads.rounds.get(), "nothing happened: no query");
    }

    @Test
    void numberedEventsWakeOnlyTheSubscribersOfTheirTopics() throws InterruptedException {
        Scripted leads = new Scripted("leads-watch", "leads/*");
        Scripted pipeline = new Scripted("pipeline-watch", "pipeline/*");
        dispatcher.add(leads);
        dispatcher.add(pipeline);
        settle();
        dispatcher.wake(new EventStore.Numbered(3, Set.of("leads/lead.created")));
        awaitRounds(leads, 2);
        settle();
        assertEquals(2, leads.rounds.get());
        assertEquals(1, pipeline.rounds.get(), "no pipeline event: not woken");
        dispatcher.wake(EventStore.Numbered.anything());
        awaitRounds(leads, 3);
        awaitRounds(pipeline, 2);
        settle();
        assertEquals(3, leads.rounds.get());
        assertEquals(2, pipeline.rounds.get(), "numbered elsewhere: everyone looks");
    }

    @Test
    void aRoundThatLeftWorkRunsAgainAtOnceAndARetryRunsWhenDue() throws InterruptedException {
        Scripted backlog = new Scripted("backlog", "*");
        backlog.answers.add(Duration.ZERO);
        backlog.answers.add(Duration.ZERO);
        backlog.answers.add(Duration.ofMillis(20));
        dispatcher.add(backlog);
        awaitRounds(backlog, 4);
        assertEquals(4, backlog.rounds.get(), "three rounds back to back, then the retry when due, without a wake");
    }

    @Test
    void aBurstOfWakesDuringARoundCostsOneMoreRoundNotOneEach() throws InterruptedException {
        Scripted busy = new Scripted("busy", "*");
        dispatcher.add(busy);
        settle();
        busy.hold = new CountDownLatch(1);
        busy.entered = new CountDownLatch(1);
        dispatcher.wakeAll();
        assertTrue(busy.entered.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 1_000; i++) {
            dispatcher.wakeAll();
        }
        busy.hold.countDown();
        awaitRounds(busy, 3);
        settle();
        assertEquals(3, busy.rounds.get(), "the first, the woken one, and one for the whole burst");
    }

    @Test
    void removingASubscriberWaitsForItsRoundAndThenGivesBackItsLease() throws InterruptedException {
        Scripted slow = new Scripted("slow", "*");
        slow.hold = new CountDownLatch(1);
        dispatcher.add(slow);
        assertTrue(slow.entered.await(5, TimeUnit.SECONDS));
        Thread remover = new Thread(() -> dispatcher.remove("slow"));
        remover.start();
        remover.join(200);
        assertTrue(remover.isAlive(), "the round in progress is waited for");
        slow.hold.countDown();
        remover.join(5_000);
        assertTrue(slow.released.get());
        dispatcher.wakeAll();
        settle();
        assertEquals(1, slow.rounds.get(), "no round after removal");
    }
}
