package dev.pacesetter.leads.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Appends to a lead's history (what changed after it was created). */
public final class LeadHistory {

    private LeadHistory() {
    }

    /**
     * @param kind e.g. STATUS, REGRADED
     * @param byUser null when the platform did it (a deadline, an import)
     */
    public static void append(Connection c, long leadId, Instant at, Long byUser, String kind, String from, String to, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO leads_history (lead_id, happened_at, by_user, kind, from_value, to_value, note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, leadId);
            ps.setTimestamp(2, Timestamp.from(at));
            LeadWriter.setLong(ps, 3, byUser);
            ps.setString(4, kind);
            ps.setString(5, Jdbc.clip(from, 100));
            ps.setString(6, Jdbc.clip(to, 100));
            ps.setString(7, Jdbc.clip(note, 1000));
            ps.executeUpdate();
        }
    }
}
