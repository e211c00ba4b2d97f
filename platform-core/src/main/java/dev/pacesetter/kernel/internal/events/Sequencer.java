package dev.pacesetter.kernel.internal.events;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.platform.api.db.ModuleDatabase;

/**
 * Numbers committed events, on every node; the sequence row's lock lets one node at a time do it. It sleeps until a
 * commit that wrote events rings its doorbell (on this node, or on another through the database's notifications), or
 * until the safety-net poll; then, after a short linger that lets a burst of commits gather, numbers everything pending
 * and tells delivery which topics arrived.
 */
final class Sequencer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);
    private static final int BATCH = 2_000;

    private final ModuleDatabase db;
    private final EventTuning tuning;
    private final Doorbell written;
    private final Consumer<EventStore.Numbered> sequenced;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param written rung after a commit that wrote events
     * @param sequenced told what was numbered; {@link EventStore.Numbered#anything()} when a ring found nothing left to
     *        number (another node numbered it: delivery must look anyway)
     */
    Sequencer(ModuleDatabase db, EventTuning tuning, Doorbell written, Consumer<EventStore.Numbered> sequenced) {
        this.db = db;
        this.tuning = tuning;
        this.written = written;
        this.sequenced = sequenced;
        this.thread = new Thread(this::loop, "pacesetter-events-sequencer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        while (running) {
            boolean rung;
            try {
                rung = written.await(tuning.poll());
                if (rung && running) {
                    Thread.sleep(tuning.linger().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            EventStore.Numbered numbered;
            do {
                try {
                    numbered = db.inTransaction(c -> EventStore.sequence(c, BATCH));
                } catch (RuntimeException e) {
                    LOG.warn("Event sequencer paused after a database error: {}", e.getMessage());
                    break;
                }
                if (numbered.count() > 0) {
                    sequenced.accept(numbered);
                } else if (rung) {
                    sequenced.accept(EventStore.Numbered.anything());
                }
            } while (running && numbered.count() == BATCH);
        }
    }

    @Override
    public void close() {
        running = false; // no interrupt: H2 closes its database file when a thread is interrupted in the middle of I/O
        written.ring();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
