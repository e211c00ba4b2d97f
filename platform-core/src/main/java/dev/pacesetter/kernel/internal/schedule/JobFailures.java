package dev.pacesetter.kernel.internal.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Why deadlines and jobs failed: db-scheduler counts failures but keeps no reason, and removes a deadline
 * that gave up. One row per task instance with its latest error; a parked deadline keeps its data so an
 * administrator can retry it.
 */
final class JobFailures {

    private JobFailures() {
    }

    /** What to record about one failed attempt. */
    record Failure(String task, String instance, String module, byte[] data, Instant dueAt, int attempts, String error, boolean parked) {
    }

    static void record(Connection c, Failure f, Instant now) throws SQLException {
        String error = f.error() == null ? null : f.error().length() > 2000 ? f.error().substring(0, 2000) : f.error();
        try (PreparedStatement update = c.prepareStatement("UPDATE platform_job_failure SET module_id = ?, task_data = ?, due_at = ?,"
                + " attempts = ?, error = ?, failed_at = ?, parked = ? WHERE task_name = ? AND task_instance = ?")) {
            update.setString(1, f.module());
            update.setBytes(2, f.data());
            update.setTimestamp(3, Timestamp.from(f.dueAt()));
            update.setInt(4, f.attempts());
            update.setString(5, error);
            update.setTimestamp(6, Timestamp.from(now));
            update.setBoolean(7, f.parked());
            update.setString(8, f.task());
            update.setString(9, f.instance());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO platform_job_failure (task_name, task_instance, module_id, task_data,"
                + " due_at, attempts, error, failed_at, parked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, f.task());
            insert.setString(2, f.instance());
            insert.setString(3, f.module());
            insert.setBytes(4, f.data());
            insert.setTimestamp(5, Timestamp.from(f.dueAt()));
            insert.setInt(6, f.attempts());
            insert.setString(7, error);
            insert.setTimestamp(8, Timestamp.from(now));
            insert.setBoolean(9, f.parked());
            insert.executeUpdate();
        }
    }

    /** Forgets the failures of an instance that has now succeeded. */
    static void clear(Connection c, String task, String instance) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM platform_job_failure WHERE task_name = ? AND task_instance = ?")) {
            ps.setString(1, task);
            ps.setString(2, instance);
            ps.executeUpdate();
        }
    }
}
