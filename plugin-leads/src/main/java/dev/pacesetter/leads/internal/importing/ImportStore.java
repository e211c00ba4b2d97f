package dev.pacesetter.leads.internal.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.pacesetter.leads.internal.store.Jdbc;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.Role;

/** The {@code leads_import} and {@code leads_import_error} rows. */
public final class ImportStore {

    private static final String COLUMNS = "id, file_name, status, rows_read, created, unchanged, duplicates, rejected, failure, created_by,"
            + " started_at, finished_at";

    private ImportStore() {
    }

    public static long insert(Connection c, String fileName, long userId, Instant now) throws SQLException {
        return (Sql.of("INSERT INTO leads_import (file_name, status, rows_read, created, unchanged, duplicates,"
                + " rejected, created_by, started_at) VALUES (?, 'QUEUED', 0, 0, 0, 0, 0, ?, ?)", fileName, userId, now)).insertReturningKey(c, "id");
    }

    /** Counters and status; {@code finished} and {@code failure} only for a final state. */
    static void update(Connection c, long id, ImportStatus status, ImportView.Counts counts, String failure, Instant finished) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE leads_import SET status = ?, rows_read = ?, created = ?, unchanged = ?,"
                + " duplicates = ?, rejected = ?, failure = ?, finished_at = ? WHERE id = ?", status.name(), counts.rowsRead(), counts.created(),
                counts.unchanged(), counts.duplicates(), counts.rejected(), Jdbc.clip(failure, 1000), finished, id).prepare(c)) {
            ps.executeUpdate();
        }
    }

    /** The import if the caller started it or is an administrator (otherwise it does not exist for them). */
    public static Optional<ImportView> find(Connection c, long id, Caller caller) throws SQLException {
        Sql sql = Sql.of("SELECT " + COLUMNS + " FROM leads_import WHERE id = ?", id);
        if (!caller.hasRole(Role.ADMIN)) {
            sql = sql.and(Sql.of("created_by = ?", caller.userId()));
        }
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    /** The caller's imports (an administrator's: everyone's), newest first. */
    public static List<ImportView> list(Connection c, Caller caller, int limit) throws SQLException {
        Sql sql = Sql.of("SELECT " + COLUMNS + " FROM leads_import WHERE 1 = 1");
        if (!caller.hasRole(Role.ADMIN)) {
            sql = sql.and(Sql.of("created_by = ?", caller.userId()));
        }
        List<ImportView> views = new ArrayList<>();
        try (PreparedStatement ps = sql.append("ORDER BY id DESC FETCH FIRST ? ROWS ONLY", limit).prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                views.add(row(rs));
            }
        }
        return views;
    }

    /** Imports left queued or running, with their starters (after a restart: their files tell whether they were this node's). */
    static List<Long> unfinished(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT id FROM leads_import WHERE status IN ('QUEUED', 'RUNNING') ORDER BY id").prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static ImportView row(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new ImportView(id, rs.getString("file_name"), ImportStatus.valueOf(rs.getString("status").strip()),
                new ImportView.Counts(rs.getInt("rows_read"), rs.getInt("created"), rs.getInt("unchanged"), rs.getInt("duplicates"),
                        rs.getInt("rejected")),
                rs.getString("failure"), rs.getLong("created_by"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"),
                "/api/v1/leads/imports/" + id + "/errors");
    }

    /** Appends error rows in one batch. */
    static void errors(Connection c, long importId, List<RowError> errors) throws SQLException {
        List<Sql> rows = new ArrayList<>(errors.size());
        for (RowError error : errors) {
            rows.add(Sql.of("INSERT INTO leads_import_error (import_id, row_no, field, message) VALUES (?, ?, ?, ?)", importId, error.row(),
                    Jdbc.clip(error.field(), 60), Jdbc.clip(error.message(), 500)));
        }
        Sql.batch(c, rows);
    }

    /** One line of the error report. */
    record RowError(int row, String field, String message) {
    }
}
