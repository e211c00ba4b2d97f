package dev.pacesetter.pipeline.internal.domain;

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
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.schedule.Deadline;
import dev.pacesetter.platform.api.schedule.Deadlines;

/**
 * How long an opportunity may stay in a stage without customer feedback before the owner is reminded; the
 * plan's default is "proposal submitted and no feedback for 3 days → customer care reminder". The deadline is
 * set when the opportunity enters the stage, moved by every customer feedback, and cancelled when it leaves.
 */
public record StageDeadlinePolicy(Stage stage, String within, String rule, boolean active) {

    /** The deadline kind, keyed by the opportunity id. */
    public static final String KIND = "stage.no-feedback";

    /** @param within an ISO-8601 duration as an administrator wrote it ({@code P3D}); shown back the same way */
    public StageDeadlinePolicy {
        Duration.parse(within);
    }

    Duration duration() {
        return Duration.parse(within);
    }

    Instant dueAfter(Instant from) {
        return from.plus(duration());
    }

    public static Optional<StageDeadlinePolicy> of(Connection c, Stage stage) throws SQLException {
        return all(c).stream().filter(p -> p.stage() == stage && p.active()).findFirst();
    }

    public static List<StageDeadlinePolicy> all(Connection c) throws SQLException {
        List<StageDeadlinePolicy> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT stage, within_seconds, rule, active, within_iso FROM pipeline_stage_deadline"
                + " ORDER BY stage"); ResultSet rs = ps.executeQuery()) {
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

    /**
     * Sets, moves or cancels the opportunity's stage deadline for it being in {@code stage} since {@code from}
     * (entering the stage or the last customer feedback): one pending deadline per opportunity at most.
     */
    public static void track(Connection c, Deadlines deadlines, long opportunityId, Long regionId, Stage stage, Instant from) throws SQLException {
        Optional<StageDeadlinePolicy> policy = stage.isOpen() ? of(c, stage) : Optional.empty();
        if (policy.isEmpty()) {
            deadlines.cancel(c, KIND, opportunityId);
            return;
        }
        Deadline deadline = Deadline.of(KIND, opportunityId, policy.get().dueAfter(from)).withData(new Due(stage.name(), from.toString()));
        deadlines.schedule(c, regionId == null ? deadline : deadline.inRegion(regionId));
    }

    /** What the deadline remembers: the stage it watches and since when. */
    public record Due(String stage, String since) {
    }
}
