package dev.pacesetter.leads.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.pacesetter.leads.internal.domain.AssignmentRule;
import dev.pacesetter.platform.api.db.Sql;

/** The assignment rules ({@code leads_assignment_rule}). */
public final class AssignmentRuleStore {

    private AssignmentRuleStore() {
    }

    /** Every rule, in the order they are tried. */
    public static List<AssignmentRule> all(Connection c) throws SQLException {
        List<AssignmentRule> rules = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT id, sort_order, region_id, territory, channel_id, team_id FROM leads_assignment_rule"
                + " ORDER BY sort_order, id").prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rules.add(new AssignmentRule(rs.getLong(1), rs.getInt(2), rs.getObject(3, Long.class), rs.getString(4),
                        rs.getObject(5, Long.class), rs.getLong(6)));
            }
        }
        return rules;
    }
}
