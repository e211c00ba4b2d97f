package dev.pacesetter.pipeline.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import dev.pacesetter.pipeline.internal.domain.TierThresholds;
import dev.pacesetter.platform.api.db.Sql;

/** The tier thresholds: the one row of {@code pipeline_tier_thresholds}. */
public final class TierThresholdsStore {

    private TierThresholdsStore() {
    }

    public static TierThresholds load(Connection c) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT currency, window_days, core_min_spend, core_min_orders_per_quarter, core_max_cycle_days,"
                + " growth_min_spend, growth_min_orders_per_quarter, dormant_after_days, dormant_after_cycles FROM pipeline_tier_thresholds WHERE id = 1")
                .prepare(c);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return TierThresholds.defaults();
            }
            return new TierThresholds(rs.getString(1).strip(), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getInt(5),
                    rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getInt(8), rs.getInt(9));
        }
    }

    public static void save(Connection c, TierThresholds t, Instant now) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE pipeline_tier_thresholds SET currency = ?, window_days = ?, core_min_spend = ?,"
                + " core_min_orders_per_quarter = ?, core_max_cycle_days = ?, growth_min_spend = ?, growth_min_orders_per_quarter = ?,"
                + " dormant_after_days = ?, dormant_after_cycles = ?, updated_at = ? WHERE id = 1", t.currency(), t.windowDays(), t.coreMinSpend(),
                t.coreMinOrdersPerQuarter(), t.coreMaxCycleDays(), t.growthMinSpend(), t.growthMinOrdersPerQuarter(), t.dormantAfterDays(),
                t.dormantAfterCycles(), now).prepare(c)) {
            ps.executeUpdate();
        }
    }
}
