package dev.pacesetter.leads.internal.followup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.leads.internal.domain.Durations;
import dev.pacesetter.leads.internal.domain.FollowUpPolicy;
import dev.pacesetter.leads.internal.domain.TouchKind;
import dev.pacesetter.platform.api.db.Sql;

/** The follow-up policy of each grade ({@code leads_follow_up_policy}; the migration stores the plan's defaults). */
public final class FollowUpPolicyStore {

    /** A policy as the API shows it. */
    public record PolicyView(Grade grade, TouchKind touchKind, String firstWithin, String repeatEvery, String rule, Long updatedBy, Instant updatedAt) {
        static PolicyView of(FollowUpPolicy p, Long updatedBy, Instant updatedAt) {
            return new PolicyView(p.grade(), p.touchKind(), Durations.iso(p.firstWithin()), Durations.iso(p.repeatEvery()), p.rule(), updatedBy, updatedAt);
        }
    }

    private FollowUpPolicyStore() {
    }

    /** Every grade's policy (a grade without a row gets the default). */
    public static Map<Grade, FollowUpPolicy> all(Connection c) throws SQLException {
        Map<Grade, FollowUpPolicy> policies = new EnumMap<>(FollowUpPolicy.defaults());
        for (Map.Entry<Grade, PolicyView> e : views(c).entrySet()) {
            policies.put(e.getKey(), toPolicy(e.getValue()));
        }
        return policies;
    }

    public static Map<Grade, PolicyView> views(Connection c) throws SQLException {
        Map<Grade, PolicyView> views = new EnumMap<>(Grade.class);
        for (FollowUpPolicy p : FollowUpPolicy.defaults().values()) {
            views.put(p.grade(), PolicyView.of(p, null, null));
        }
        try (PreparedStatement ps = Sql.of("SELECT grade, touch_kind, first_within_seconds, repeat_every_seconds, updated_by, updated_at"
                + " FROM leads_follow_up_policy").prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Grade grade = Grade.valueOf(rs.getString(1).strip());
                long repeat = rs.getLong(4);
                Duration repeatEvery = rs.wasNull() ? null : Duration.ofSeconds(repeat);
                FollowUpPolicy p = new FollowUpPolicy(grade, TouchKind.valueOf(rs.getString(2)), Duration.ofSeconds(rs.getLong(3)), repeatEvery);
                views.put(grade, PolicyView.of(p, rs.getObject(5, Long.class), rs.getTimestamp(6).toInstant()));
            }
        }
        return views;
    }

    /** Replaces the policy of {@code policy.grade()}. */
    public static void save(Connection c, FollowUpPolicy policy, long byUser, Instant now) throws SQLException {
        // the same values, in the same order, for either statement
        Object[] values = {policy.touchKind().name(), policy.firstWithin().getSeconds(),
            policy.repeatEvery() == null ? null : policy.repeatEvery().getSeconds(), byUser, now, policy.grade().name()};
        try (PreparedStatement ps = Sql.of("UPDATE leads_follow_up_policy SET touch_kind = ?, first_within_seconds = ?,"
                + " repeat_every_seconds = ?, updated_by = ?, updated_at = ? WHERE grade = ?", values).prepare(c)) {
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = Sql.of("INSERT INTO leads_follow_up_policy (touch_kind, first_within_seconds, repeat_every_seconds,"
                + " updated_by, updated_at, grade) VALUES (?, ?, ?, ?, ?, ?)", values).prepare(c)) {
            ps.executeUpdate();
        }
    }

    static FollowUpPolicy toPolicy(PolicyView v) {
        return new FollowUpPolicy(v.grade(), v.touchKind(), Durations.parse(v.firstWithin()).orElseThrow(),
                v.repeatEvery() == null ? null : Durations.parse(v.repeatEvery()).orElseThrow());
    }
}
