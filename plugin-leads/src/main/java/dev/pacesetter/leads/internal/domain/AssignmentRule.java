package dev.pacesetter.leads.internal.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends leads that arrive without an owner to a team: a rule matches on the intake region, the territory and
 * the channel (a rule that names none of them matches every lead). Rules are tried in {@code sortOrder}.
 */
public record AssignmentRule(long id, int sortOrder, Long regionId, String territory, Long channelId, long teamId) {

    public boolean matches(Long intakeRegionId, String leadTerritory, Long leadChannelId) {
        return (regionId == null || regionId.equals(intakeRegionId))
                && (territory == null || (leadTerritory != null
                        && Normalizer.nameKey(territory).equals(Normalizer.nameKey(leadTerritory))))
                && (channelId == null || channelId.equals(leadChannelId));
    }

    public String describe() {
        List<String> parts = new ArrayList<>();
        if (regionId != null) {
            parts.add("region " + regionId);
        }
        if (territory != null) {
            parts.add("territory " + territory);
        }
        if (channelId != null) {
            parts.add("channel " + channelId);
        }
        return "rule " + id + (parts.isEmpty() ? " (every lead)" : " (" + String.join(", ", parts) + ")") + " → team " + teamId;
    }

    public static List<AssignmentRule> all(Connection c) throws SQLException {
        List<AssignmentRule> rules = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, sort_order, region_id, territory, channel_id, team_id FROM leads_assignment_rule ORDER BY sort_order, id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rules.add(new AssignmentRule(rs.getLong(1), rs.getInt(2), rs.getObject(3, Long.class), rs.getString(4),
                        rs.getObject(5, Long.class), rs.getLong(6)));
            }
        }
        return rules;
    }
}
