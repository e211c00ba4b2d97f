package dev.pacesetter.kernel.internal.gateway;

import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.http.Context;

/**
 * One line per request ({@code time method path status ms correlation-id}) on the {@value #LOGGER} logger.
 *
 * <p>Request threads only format the line and hand it over through a lock-free queue; one writer
 * thread passes the lines to SLF4J. Logging from every request thread directly made them queue on the
 * appender's lock and cost a third of the gateway's throughput. Under load the writer hands several
 * lines (each with its own timestamp) to SLF4J as one event, so the log costs little more at 40,000
 * requests a second than at 40: give this logger an appender whose pattern is just {@code %msg%n}.
 * A line reaches the log within {@link #IDLE_WAIT_MS} ms; if the writer falls more than
 * {@link #CAPACITY} lines behind, lines are dropped and the number dropped is logged rather than
 * slowing requests down.
 */
final class RequestLog implements AutoCloseable {

    static final String LOGGER = "pacesetter.request";
    private static final Logger REQUESTS = LoggerFactory.getLogger(LOGGER);
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final int CAPACITY = 100_000;
    private static final long IDLE_WAIT_MS = 50;
    private static final int MAX_BATCH = 256;

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;

    RequestLog() {
        writer = new Thread(this::writeLoop, "pacesetter-request-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Called by Javalin after each request. */
    void record(Context ctx, Float ms) {
        if (!REQUESTS.isInfoEnabled()) {
            return;
        }
        if (queued.incrementAndGet() > CAPACITY) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        Object id = ctx.attribute(ApiDispatcher.CORRELATION_ATTRIBUTE);
        long tenths = Math.round(ms * 10);
        String line = new StringBuilder(120).append(Instant.ofEpochMilli(System.currentTimeMillis())).append(' ').append(ctx.method().name()).append(' ').append(ctx.path()).append(' ')
                .append(ctx.statusCode()).append(' ').append(tenths / 10).append('.').append(tenths % 10).append("ms ")
                .append(id == null ? "-" : id).toString();
        lines.offer(line);
    }

    private void writeLoop() {
        StringBuilder batch = new StringBuilder(16 * 1024);
        while (running || !lines.isEmpty()) {
            int count = 0;
            String line;
            while (count < MAX_BATCH && (line = lines.poll()) != null) {
                if (count++ > 0) {
                    batch.append('\n');
                }
                batch.append(line);
            }
            if (count == 0) {
                reportDrops();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(IDLE_WAIT_MS));
                continue;
            }
            queued.addAndGet(-count);
            REQUESTS.info(batch.toString());
            batch.setLength(0);
        }
        reportDrops();
    }

    private void reportDrops() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.warn("Request log fell behind: {} line(s) dropped", lost);
        }
    }

    /** Writes out what is queued, then stops the writer. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
