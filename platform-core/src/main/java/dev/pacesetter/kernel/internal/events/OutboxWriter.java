package dev.pacesetter.kernel.internal.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.pacesetter.kernel.internal.db.CommitHooks;
import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.platform.api.db.DataAccessException;
import dev.pacesetter.platform.api.events.OutgoingEvent;

/** Writes events to the outbox on the caller's connection, in one batch: for plugins' publishers and the platform's own events. */
public final class OutboxWriter {

    private final JsonCodec json;
    private final Clock clock;
    private final CommitHooks hooks;
    /** One object, so that a transaction publishing many times registers one wake-up (hooks are a set). */
    private final Runnable wakeSequencer;
    private final boolean notifyOtherNodes;

    /**
     * @param written rung once the transaction that wrote events commits, to wake the sequencer
     * @param notifyOtherNodes on PostgreSQL: also tell the other nodes, through {@link PostgresWakeups}
     */
    public OutboxWriter(JsonCodec json, Clock clock, CommitHooks hooks, Doorbell written, boolean notifyOtherNodes) {
        this.json = json;
        this.clock = clock;
        this.hooks = hooks;
        this.wakeSequencer = written::ring;
        this.notifyOtherNodes = notifyOtherNodes;
    }

    /** @return the events' ids, in order */
    public List<String> publishAll(Connection connection, List<OutgoingEvent> events, String module) {
        List<String> ids = new ArrayList<>(events.size());
        Instant now = clock.instant();
        try (PreparedStatement ps = connection.prepareStatement(EventStore.INSERT)) {
            for (OutgoingEvent event : events) {
                String id = UUID.randomUUID().toString();
                EventStore.bindInsert(ps, id, module, event, json.writeString(event.payload()), now);
                ps.addBatch();
                ids.add(id);
            }
            ps.executeBatch();
            if (notifyOtherNodes) {
                PostgresWakeups.notifyOnCommit(connection);
            }
            hooks.afterCommit(connection, wakeSequencer); // else (a transaction of the plugin's own) the poll finds them
            return ids;
        } catch (SQLException e) {
            throw new DataAccessException("could not publish " + events.size() + " event(s) (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
