package dev.pacesetter.pipeline.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import dev.pacesetter.platform.api.db.Sql;

/**
 * What the stores need beyond {@link Sql#prepare}: an insert that returns the generated id, and a batch. Both take
 * whole {@link Sql} statements, so parameters are counted against the real text and bound the same way everywhere.
 */
public final class Jdbc {

    private Jdbc() {
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Runs {@code insert} and returns the {@code id} the database generated for the new row. */
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

    /** Runs {@code rows}, one statement with the parameters of each row, as one JDBC batch. */
    public static void batch(Connection c, List<Sql> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String text = rows.get(0).text();
        try (PreparedStatement ps = c.prepareStatement(text)) {
            for (Sql row : rows) {
                if (!row.text().equals(text)) {
                    throw new IllegalArgumentException("a batch runs one statement, not also: " + row.text());
                }
                row.bind(ps, 1);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
