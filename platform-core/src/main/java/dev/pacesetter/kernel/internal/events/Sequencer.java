package dev.pacesetter.kernel.internal.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.platform.api.db.ModuleDatabase;

/**
 * Numbers committed events, on every node; the sequence row's lock lets one node at a time do it. A
 * full batch is followed at once by the next, an empty one by a pause of the poll interval.
 */
final class Sequencer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);
    private static final int BATCH = 2_000;

    private final ModuleDatabase db;
    private final EventTuning tuning;
    private final Thread thread;
    private volatile boolean running = true;

    Sequencer(ModuleDatabase db, EventTuning tuning) {
        this.db = db;
        this.tuning = tuning;
        this.thread = new Thread(this::loop, "pacesetter-events-sequencer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        while (running) {
            int numbered;
            try {
                numbered = db.inTransaction(c -> EventStore.sequence(c, BATCH));
            } catch (RuntimeException e) {
                LOG.warn("Event sequencer paused after a database error: {}", e.getMessage());
                numbered = 0;
            }
            if (numbered < BATCH) {
                try {
                    Thread.sleep(tuning.poll().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false; // no interrupt: H2 closes its database file when a thread is interrupted in the middle of I/O
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
