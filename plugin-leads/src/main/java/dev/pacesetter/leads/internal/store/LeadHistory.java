package dev.pacesetter.leads.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import dev.pacesetter.platform.api.db.Sql;

/** Appends to a lead's history (what changed after it was created). */
public final class LeadHistory {

    private LeadHistory() {
    }

    /**
     * @param kind e.g. STATUS, REGRADED
     * @param byUser null when the platform did it (a deadline, an import)
     */
    public static void append(Connection c, long leadId, Instant at, Long byUser, String kind, String from, String to, String note) throws SQLException {
        try (PreparedStatement ps = Sql.of("INSERT INTO leads_history (lead_id, happened_at, by_user, kind, from_value, to_value, note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", leadId, at, byUser, kind, Jdbc.clip(from, 100), Jdbc.clip(to, 100), Jdbc.clip(note, 1000))
                .prepare(c)) {
            ps.executeUpdate();
        }
    }
}
