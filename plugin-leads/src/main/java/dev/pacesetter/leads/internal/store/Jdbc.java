package dev.pacesetter.leads.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Values on their way into and out of columns, for every package that talks SQL. */
public final class Jdbc {

    private Jdbc() {
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
