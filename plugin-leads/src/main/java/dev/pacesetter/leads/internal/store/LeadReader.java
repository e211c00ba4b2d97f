package dev.pacesetter.leads.internal.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.leads.api.LeadStatus;
import dev.pacesetter.leads.internal.domain.LeadView;
import dev.pacesetter.platform.api.money.Money;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.security.RowScope;

/** Reads leads within the caller's scope: one by id, or a filtered, sorted page. */
public final class LeadReader {

    static final String COLUMNS = "l.id, l.external_id, l.person_name, l.company, l.phone, l.email, l.channel_id, l.intent, l.budget_status,"
            + " l.budget_amount, l.budget_currency, l.decision_role, l.grade, l.grade_rule, l.grade_rules_version, l.owner_id, l.region_id,"
            + " l.territory, l.status, l.disqualify_reason, l.created_at, l.updated_at, l.first_touch_at, l.last_touch_at, l.converted_at,"
            + " l.version";

    private LeadReader() {
    }

    /** The lead if it exists and the scope covers it (otherwise the caller learns nothing about it). */
    public static Optional<LeadView> find(Connection c, long id, RowScope scope) throws SQLException {
        Sql sql = Sql.of("SELECT " + COLUMNS + " FROM leads_lead l WHERE l.id = ?", id).and(scope.ownedBy("l.owner_id"));
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            LeadView lead = row(rs);
            return Optional.of(lead.withTags(tagNames(c, List.of(lead.id())).getOrDefault(lead.id(), List.of())));
        }
    }

    /** {@link #find} that also locks the lead's row until the transaction ends (status changes, reassignment). */
    public static Optional<LeadView> lock(Connection c, long id, RowScope scope) throws SQLException {
        Sql sql = Sql.of("SELECT " + COLUMNS + " FROM leads_lead l WHERE l.id = ?", id).and(scope.ownedBy("l.owner_id")).append("FOR UPDATE");
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            LeadView lead = row(rs);
            return Optional.of(lead.withTags(tagNames(c, List.of(lead.id())).getOrDefault(lead.id(), List.of())));
        }
    }

    /** One page of {@code query}; {@code limit + 1} rows are read to know whether another page follows. */
    public static List<LeadView> page(Connection c, LeadQuery query, RowScope scope) throws SQLException {
        Sql sql = query.where(Sql.of("SELECT " + COLUMNS + " FROM leads_lead l WHERE 1 = 1").and(scope.ownedBy("l.owner_id")));
        List<LeadView> leads = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                leads.add(row(rs));
            }
        }
        Map<Long, List<String>> tags = tagNames(c, leads.stream().map(LeadView::id).toList());
        return leads.stream().map(l -> l.withTags(tags.getOrDefault(l.id(), List.of()))).toList();
    }

    public static Map<Long, List<String>> tagNames(Connection c, List<Long> leadIds) throws SQLException {
        Map<Long, List<String>> names = new HashMap<>();
        if (leadIds.isEmpty()) {
            return names;
        }
        Sql sql = Sql.of("SELECT lt.lead_id, t.name FROM leads_lead_tag lt JOIN leads_tag t ON t.id = lt.tag_id WHERE 1 = 1")
                .and(Sql.in("lt.lead_id", leadIds)).append("ORDER BY t.name");
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return names;
    }

    static LeadView row(ResultSet rs) throws SQLException {
        Intent intent = Intent.valueOf(rs.getString("intent"));
        BudgetStatus budget = BudgetStatus.valueOf(rs.getString("budget_status"));
        DecisionRole decision = DecisionRole.valueOf(rs.getString("decision_role"));
        BigDecimal amount = rs.getBigDecimal("budget_amount");
        Map<String, Integer> scores = new LinkedHashMap<>();
        scores.put("intent", intent.score());
        scores.put("budget", budget.score());
        scores.put("decisionRole", decision.score());
        return new LeadView(rs.getLong("id"), rs.getString("external_id"), rs.getString("person_name"), rs.getString("company"),
                rs.getString("phone"), rs.getString("email"), rs.getObject("channel_id", Long.class), List.of(), intent, budget,
                amount == null ? null : new Money(amount, rs.getString("budget_currency").strip()), decision, Grade.valueOf(rs.getString("grade").strip()),
                new LeadView.GradeExplanation(rs.getString("grade_rule"), rs.getInt("grade_rules_version"), scores,
                        intent.score() + budget.score() + decision.score()),
                rs.getLong("owner_id"), rs.getObject("region_id", Long.class), rs.getString("territory"), LeadStatus.valueOf(rs.getString("status")),
                rs.getString("disqualify_reason"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "first_touch_at"),
                Jdbc.instant(rs, "last_touch_at"), Jdbc.instant(rs, "converted_at"), rs.getInt("version"));
    }
}
