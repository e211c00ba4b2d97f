package dev.pacesetter.leads.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import dev.pacesetter.platform.api.db.Sql;

/** What the packages that talk SQL share beyond {@link Sql} itself: values on their way into and out of columns. */
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
