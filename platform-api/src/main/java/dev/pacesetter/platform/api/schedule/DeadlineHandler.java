package dev.pacesetter.platform.api.schedule;

import java.sql.Connection;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Fires a module's deadlines of one kind; register it as a service (whiteboard).
 *
 * <p>{@link #fire} runs in a transaction that also removes the deadline: what the handler writes on
 * {@code connection} (tasks, notifications, events) commits together with the deadline's removal, so each
 * deadline takes effect exactly once, even with several kernel processes or after a crash. A handler that
 * throws rolls back and is retried with back-off (1 s, 2 s, 4 s, …); after {@value #MAX_ATTEMPTS} attempts the
 * deadline is parked: administrators see it at {@code GET /api/v1/jobs?state=parked} and can retry it.
 *
 * <p>Deadlines whose handler is missing (its bundle is stopped) wait and fire when it is back; deadlines
 * in a region where the module is switched off are skipped.
 */
@ConsumerType
public interface DeadlineHandler {

    /** Attempts before a deadline is parked. */
    int MAX_ATTEMPTS = 5;

    /** The {@link Deadline#kind()} this handler fires. */
    String kind();

    void fire(Connection connection, FiredDeadline deadline) throws Exception;
}
