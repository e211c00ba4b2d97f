package dev.pacesetter.kernel.internal.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deadline rows in db-scheduler's table, written on the caller's connection so that they commit or roll back
 * with the caller's change (the library's client always takes its own connection). Picking and locking stay
 * the library's; these statements follow its row format: a change bumps {@code version}, so a node that
 * picked the old row cannot fire it.
 *
 * <p>{@code last_success} is never set on a pending deadline except by {@link DeadlineFiring} when it puts one
 * aside because its handler is missing; it marks the rows to wake when the handler comes back.
 */
final class DeadlineRows {

    private static final String MOVE = "UPDATE scheduled_tasks SET task_data = ?, execution_time = ?, picked = FALSE, picked_by = NULL,"
            + " last_heartbeat = NULL, last_success = NULL, last_failure = NULL, consecutive_failures = 0, version = version + 1"
            + " WHERE task_name = '" + DeadlineData.TASK + "' AND task_instance = ?";
    private static final String INSERT = "INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,"
            + " consecutive_failures, version) VALUES ('" + DeadlineData.TASK + "', ?, ?, ?, FALSE, 0, 1)";

    private DeadlineRows() {
    }

    /** PostgreSQL creates or moves in one statement per deadline, which the driver sends as multi-row batches. */
    private static final String UPSERT_POSTGRES = INSERT + " ON CONFLICT (task_name, task_instance) DO UPDATE SET"
            + " task_data = EXCLUDED.task_data, execution_time = EXCLUDED.execution_time, picked = FALSE, picked_by = NULL,"
            + " last_heartbeat = NULL, last_success = NULL, last_failure = NULL, consecutive_failures = 0,"
            + " version = scheduled_tasks.version + 1";

    /**
     * Creates or moves each deadline. On PostgreSQL one upsert per deadline; elsewhere (H2, embedded, where a
     * statement costs no round trip) one batch of updates, then one of inserts for those that did not exist.
     */
    static void upsert(Connection c, List<DeadlineData> deadlines, TaskDataSerializer serializer) throws SQLException {
        if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT_POSTGRES)) {
                for (DeadlineData d : deadlines) {
                    upsert.setString(1, d.instanceId());
                    upsert.setBytes(2, serializer.serialize(d));
                    upsert.setTimestamp(3, Timestamp.from(Instant.ofEpochMilli(d.dueAtMillis())));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return;
        }
        List<byte[]> bytes = new java.util.ArrayList<>(deadlines.size());
        try (PreparedStatement move = c.prepareStatement(MOVE)) {
            for (DeadlineData d : deadlines) {
                byte[] data = serializer.serialize(d);
                bytes.add(data);
                move.setBytes(1, data);
                move.setTimestamp(2, Timestamp.from(Instant.ofEpochMilli(d.dueAtMillis())));
                move.setString(3, d.instanceId());
                move.addBatch();
            }
            int[] moved = move.executeBatch();
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                boolean any = false;
                for (int i = 0; i < moved.length; i++) {
                    if (moved[i] == 0) {
                        DeadlineData d = deadlines.get(i);
                        insert.setString(1, d.instanceId());
                        insert.setBytes(2, bytes.get(i));
                        insert.setTimestamp(3, Timestamp.from(Instant.ofEpochMilli(d.dueAtMillis())));
                        insert.addBatch();
                        any = true;
                    }
                }
                if (any) {
                    insert.executeBatch();
                }
            }
        }
    }

    /** Puts a deadline (parked, now retried) back, due at {@code at}. */
    static void insertDue(Connection c, String instanceId, byte[] data, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            insert.setString(1, instanceId);
            insert.setBytes(2, data);
            insert.setTimestamp(3, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    /** Removes a pending deadline; waits for a firing transaction that holds the row. */
    static boolean delete(Connection c, String instanceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM scheduled_tasks WHERE task_name = '" + DeadlineData.TASK + "' AND task_instance = ?")) {
            ps.setString(1, instanceId);
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * Removes the row a node picked, if it is still the version that node picked: false when the deadline was
     * cancelled or moved meanwhile (then it must not fire now).
     */
    static boolean claim(Connection c, String instanceId, long pickedVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM scheduled_tasks WHERE task_name = '" + DeadlineData.TASK + "' AND task_instance = ? AND version = ?")) {
            ps.setString(1, instanceId);
            ps.setLong(2, pickedVersion);
            return ps.executeUpdate() == 1;
        }
    }

    static Optional<DeadlineData> find(Connection c, String instanceId, TaskDataSerializer serializer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT task_data FROM scheduled_tasks WHERE task_name = '" + DeadlineData.TASK + "' AND task_instance = ?")) {
            ps.setString(1, instanceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(serializer.deserialize(DeadlineData.class, rs.getBytes(1))) : Optional.empty();
            }
        }
    }

    /** Makes the deadlines put aside for want of a handler of {@code module}/{@code kind} due now. */
    static int wake(Connection c, String module, String kind, Instant now) throws SQLException {
        String prefix = DeadlineData.instanceId(module, kind, "");
        try (PreparedStatement ps = c.prepareStatement("UPDATE scheduled_tasks SET execution_time = ?, last_success = NULL,"
                + " version = version + 1 WHERE task_name = '" + DeadlineData.TASK + "' AND task_instance LIKE ? ESCAPE '!'"
                + " AND picked = FALSE AND last_success IS NOT NULL")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, likePrefix(prefix));
            return ps.executeUpdate();
        }
    }

    /** A LIKE pattern matching values that start with {@code prefix}, escaped with {@code ESCAPE '!'}. */
    static String likePrefix(String prefix) {
        return dev.pacesetter.platform.api.db.Sql.likeLiteral(prefix) + "%";
    }
}
