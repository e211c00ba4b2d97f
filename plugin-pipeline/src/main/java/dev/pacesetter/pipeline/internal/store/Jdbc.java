package dev.pacesetter.pipeline.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import dev.pacesetter.platform.api.db.Sql;

/** What the stores need beyond {@link Sql}: values on their way out of columns and into them. */
public final class Jdbc {

    private Jdbc() {
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
