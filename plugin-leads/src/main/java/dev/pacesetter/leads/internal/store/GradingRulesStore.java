package dev.pacesetter.leads.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.leads.internal.domain.GradingRule;
import dev.pacesetter.leads.internal.domain.GradingRules;

/**
 * Grading rule sets by version. The newest stored version is in force. Version 1, the defaults first shipped, lives
 * in code ({@link GradingRules#firstShipped()}); the plan's defaults are stored as version 2 by migration V3 unless
 * an administrator had saved rules (with none stored at all, {@link GradingRules#plan()} is in force).
 */
public final class GradingRulesStore {

    private GradingRulesStore() {
    }

    public static GradingRules current(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM leads_grading_rules"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            int version = rs.getInt(1);
            return rs.wasNull() ? GradingRules.plan() : version(c, version);
        }
    }

    public static GradingRules version(Connection c, int version) throws SQLException {
        Grade fallback;
        try (PreparedStatement ps = c.prepareStatement("SELECT fallback FROM leads_grading_rules WHERE version = ?")) {
            ps.setInt(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return version == 1 ? GradingRules.firstShipped() : null;
                }
                fallback = Grade.valueOf(rs.getString(1).strip());
            }
        }
        List<GradingRule> rules = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, grade, min_intent, min_budget, min_decision, min_total FROM leads_grading_rule"
                + " WHERE version = ? ORDER BY sort_order")) {
            ps.setInt(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rules.add(new GradingRule(rs.getString(1), Grade.valueOf(rs.getString(2).strip()),
                            rs.getString(3) == null ? null : Intent.valueOf(rs.getString(3)),
                            rs.getString(4) == null ? null : BudgetStatus.valueOf(rs.getString(4)),
                            rs.getString(5) == null ? null : DecisionRole.valueOf(rs.getString(5)), rs.getObject(6, Integer.class)));
                }
            }
        }
        return new GradingRules(version, List.copyOf(rules), fallback);
    }

    /**
     * Stores {@code rules} as the next version (after 1, the first defaults, and any stored) and returns it. The
     * version's primary key makes two concurrent saves conflict rather than share a number.
     */
    public static GradingRules save(Connection c, GradingRules rules, long byUser, Instant now) throws SQLException {
        int next;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(version), 1) + 1 FROM leads_grading_rules");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            next = rs.getInt(1);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO leads_grading_rules (version, fallback, created_by, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setInt(1, next);
            ps.setString(2, rules.fallback().name());
            ps.setLong(3, byUser);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO leads_grading_rule (version, sort_order, name, grade, min_intent, min_budget,"
                + " min_decision, min_total) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rules.rules().size(); i++) {
                GradingRule rule = rules.rules().get(i);
                ps.setInt(1, next);
                ps.setInt(2, i);
                ps.setString(3, rule.name().strip());
                ps.setString(4, rule.grade().name());
                ps.setString(5, rule.minIntent() == null ? null : rule.minIntent().name());
                ps.setString(6, rule.minBudget() == null ? null : rule.minBudget().name());
                ps.setString(7, rule.minDecision() == null ? null : rule.minDecision().name());
                if (rule.minTotal() == null) {
                    ps.setNull(8, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(8, rule.minTotal());
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return new GradingRules(next, rules.rules(), rules.fallback());
    }
}
