package dev.pacesetter.pipeline.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.pacesetter.pipeline.api.Stage;
import dev.pacesetter.pipeline.internal.domain.StageDeadlinePolicy;
import dev.pacesetter.platform.api.db.Sql;

/** The stage deadline policies: a row of {@code pipeline_stage_deadline} per stage that has one. */
public final class StageDeadlinePolicyStore {

    private StageDeadlinePolicyStore() {
    }

    /** The stage's policy if it has an active one. */
    public static Optional<StageDeadlinePolicy> of(Connection c, Stage stage) throws SQLException {
        return all(c).stream().filter(p -> p.stage() == stage && p.active()).findFirst();
    }

    public static List<StageDeadlinePolicy> all(Connection c) throws SQLException {
        List<StageDeadlinePolicy> all = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT stage, within_seconds, rule, active, within_iso FROM pipeline_stage_deadline"
                + " ORDER BY stage").prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String iso = rs.getString(5);
                all.add(new StageDeadlinePolicy(Stage.valueOf(rs.getString(1)), iso != null ? iso : Duration.ofSeconds(rs.getLong(2)).toString(),
                        rs.getString(3), rs.getBoolean(4)));
            }
        }
        return all;
    }

    public static void save(Connection c, StageDeadlinePolicy policy, Instant now) throws SQLException {
        try (PreparedStatement update = Sql.of("UPDATE pipeline_stage_deadline SET within_seconds = ?, within_iso = ?, rule = ?, active = ?, updated_at = ?"
                + " WHERE stage = ?", policy.duration().toSeconds(), policy.within(), policy.rule(), policy.active(), now, policy.stage().name())
                .prepare(c)) {
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = Sql.of("INSERT INTO pipeline_stage_deadline (stage, within_seconds, within_iso, rule, active, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", policy.stage().name(), policy.duration().toSeconds(), policy.within(), policy.rule(), policy.active(), now)
                .prepare(c)) {
            insert.executeUpdate();
        }
    }
}
