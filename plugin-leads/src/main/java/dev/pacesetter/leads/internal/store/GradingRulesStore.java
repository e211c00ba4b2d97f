package dev.pacesetter.leads.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.leads.internal.domain.GradingRule;
import dev.pacesetter.leads.internal.domain.GradingRules;
import dev.pacesetter.platform.api.db.Sql;

/**
 * Grading rule sets by version. The newest stored version is in force. Version 1, the defaults first shipped, lives
 * in code ({@link GradingRules#firstShipped()}); the plan's defaults are stored as version 2 by migration V3 unless
 * an administrator had saved rules (with none stored at all, {@link GradingRules#plan()} is in force).
 */
public final class GradingRulesStore {

    private GradingRulesStore() {
    }

    public static GradingRules current(Connection c) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT MAX(version) FROM leads_grading_rules").prepare(c); ResultSet rs = ps.executeQuery()) {
            rs.next();
            int version = rs.getInt(1);
            return rs.wasNull() ? GradingRules.plan() : version(c, version);
        }
    }

    public static GradingRules version(Connection c, int version) throws SQLException {
        Grade fallback;
        try (PreparedStatement ps = Sql.of("SELECT fallback FROM leads_grading_rules WHERE version = ?", version).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return version == 1 ? GradingRules.firstShipped() : null;
            }
            fallback = Grade.valueOf(rs.getString(1).strip());
        }
        List<GradingRule> rules = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT name, grade, min_intent, min_budget, min_decision, min_total FROM leads_grading_rule"
                + " WHERE version = ? ORDER BY sort_order", version).prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rules.add(new GradingRule(rs.getString(1), Grade.valueOf(rs.getString(2).strip()),
                        rs.getString(3) == null ? null : Intent.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : BudgetStatus.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? null : DecisionRole.valueOf(rs.getString(5)), rs.getObject(6, Integer.class)));
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
        try (PreparedStatement ps = Sql.of("SELECT COALESCE(MAX(version), 1) + 1 FROM leads_grading_rules").prepare(c);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            next = rs.getInt(1);
        }
        try (PreparedStatement ps = Sql.of("INSERT INTO leads_grading_rules (version, fallback, created_by, created_at) VALUES (?, ?, ?, ?)", next,
                rules.fallback().name(), byUser, now).prepare(c)) {
            ps.executeUpdate();
        }
        List<Sql> rows = new ArrayList<>();
        for (int i = 0; i < rules.rules().size(); i++) {
            GradingRule rule = rules.rules().get(i);
            // Sql binds an enum as its name, null as NULL
            rows.add(Sql.of("INSERT INTO leads_grading_rule (version, sort_order, name, grade, min_intent, min_budget, min_decision, min_total)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", next, i, rule.name().strip(), rule.grade(), rule.minIntent(), rule.minBudget(),
                    rule.minDecision(), rule.minTotal()));
        }
        Sql.batch(c, rows);
        return new GradingRules(next, rules.rules(), rules.fallback());
    }
}
