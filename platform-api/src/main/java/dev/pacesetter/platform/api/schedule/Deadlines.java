package dev.pacesetter.platform.api.schedule;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Schedules, moves and cancels a module's deadlines. A service the kernel registers; each bundle gets its
 * own, bound to its module. Every method works on the caller's connection, i.e. inside the transaction
 * that changes the record, so a deadline exists if and only if that change commits:
 * <pre>
 * db.inTransaction(c -&gt; {
 *     long id = insertLead(c, input);
 *     deadlines.schedule(c, Deadline.of("lead.first-touch", id, now.plus(Duration.ofHours(24))).inRegion(region));
 *     return id;
 * });
 * </pre>
 */
@ProviderType
public interface Deadlines {

    /** Creates the deadline, or moves it (new time, region and data) if one with its kind and key is pending. */
    void schedule(Connection connection, Deadline deadline);

    /** {@link #schedule} for many deadlines in one batch (imports). */
    void scheduleAll(Connection connection, List<Deadline> deadlines);

    /**
     * Cancels a pending deadline. If it is firing at this moment, the call waits for the firing transaction:
     * a deadline cancelled before that commits does not fire.
     *
     * @return whether one was pending
     */
    boolean cancel(Connection connection, String kind, Object key);

    /** When the pending deadline of this kind and key is due, if there is one. */
    Optional<Instant> dueAt(Connection connection, String kind, Object key);
}
