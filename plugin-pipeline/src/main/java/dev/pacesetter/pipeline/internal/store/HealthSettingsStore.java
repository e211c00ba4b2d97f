package dev.pacesetter.pipeline.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import dev.pacesetter.pipeline.internal.domain.HealthSettings;
import dev.pacesetter.platform.api.db.Sql;

/** The health settings: the one row of {@code pipeline_health_settings}. */
public final class HealthSettingsStore {

    private HealthSettingsStore() {
    }

    public static HealthSettings load(Connection c) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT threshold, contact_weight, contact_full_within_days, contact_zero_after_days,"
                + " demand_weight, demand_window_days, competitor_weight, competitor_within_days, retention_due_days FROM pipeline_health_settings"
                + " WHERE id = 1").prepare(c); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return HealthSettings.defaults();
            }
            return new HealthSettings(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                    rs.getInt(9));
        }
    }

    public static void save(Connection c, HealthSettings s, Instant now) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE pipeline_health_settings SET threshold = ?, contact_weight = ?, contact_full_within_days = ?,"
                + " contact_zero_after_days = ?, demand_weight = ?, demand_window_days = ?, competitor_weight = ?, competitor_within_days = ?,"
                + " retention_due_days = ?, updated_at = ? WHERE id = 1", s.threshold(), s.contactWeight(), s.contactFullWithinDays(),
                s.contactZeroAfterDays(), s.demandWeight(), s.demandWindowDays(), s.competitorWeight(), s.competitorWithinDays(), s.retentionDueDays(),
                now).prepare(c)) {
            ps.executeUpdate();
        }
    }
}
