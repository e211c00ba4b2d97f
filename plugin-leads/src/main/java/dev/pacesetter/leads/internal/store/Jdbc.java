package dev.pacesetter.leads.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import dev.pacesetter.platform.api.db.Sql;

/**
 * What the packages that talk SQL share beyond {@link Sql} itself: an insert that returns the new row's id, a batch of one
 * statement, and values on their way into and out of columns.
 */
public final class Jdbc {

    private Jdbc() {
    }

    /** Runs {@code insert} (one row) and returns the {@code id} the database generated for it. */
    public static long insertReturningId(Connection c, Sql insert) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insert.text(), new String[] {"id"})) {
            insert.bind(ps, 1);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Runs {@code rows} (one statement, each with its own values) as one JDBC batch; nothing for none. */
    public static void batch(Connection c, List<Sql> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String text = rows.get(0).text();
        try (PreparedStatement ps = c.prepareStatement(text)) {
            for (Sql row : rows) {
                if (!row.text().equals(text)) {
                    throw new IllegalArgumentException("a batch runs one statement: " + row.text());
                }
                row.bind(ps, 1);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A nullable timestamp column as an instant. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Optional text as stored: stripped, and null when blank. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Text cut to a column's width. */
    public static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
