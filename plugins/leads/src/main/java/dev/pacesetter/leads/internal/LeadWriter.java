package dev.pacesetter.leads.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts prepared leads in batches on the caller's connection: the lead rows, their tags and their first
 * assignment. The lead row itself carries the grade and the rule that decided it.
 */
public final class LeadWriter {

    static final String INSERT = "INSERT INTO leads_lead (external_id, person_name, company, phone, email, email_key, phone_key, company_key,"
            + " channel_id, intent, budget_status, budget_amount, budget_currency, decision_role, grade, grade_rule, grade_rules_version,"
            + " owner_id, region_id, territory, status, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, 'NEW', ?, ?, 1)";

    private LeadWriter() {
    }

    /** @return the new leads' ids, in the order given */
    public static List<Long> insertAll(Connection c, List<NewLead> leads, Instant now) throws SQLException {
        List<Long> ids = new ArrayList<>(leads.size());
        if (leads.isEmpty()) {
            return ids;
        }
        Timestamp at = Timestamp.from(now);
        try (PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"id"})) {
            for (NewLead lead : leads) {
                bind(ps, lead, at);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
        }
        if (ids.size() != leads.size()) {
            throw new SQLException("expected " + leads.size() + " generated lead ids, got " + ids.size());
        }
        try (PreparedStatement tags = c.prepareStatement("INSERT INTO leads_lead_tag (lead_id, tag_id) VALUES (?, ?)");
                PreparedStatement assignments = c.prepareStatement(
                        "INSERT INTO leads_assignment (lead_id, from_owner, to_owner, by_user, reason, happened_at) VALUES (?, NULL, ?, NULL, ?, ?)")) {
            boolean anyTag = false;
            for (int i = 0; i < leads.size(); i++) {
                NewLead lead = leads.get(i);
                for (long tag : lead.tagIds()) {
                    tags.setLong(1, ids.get(i));
                    tags.setLong(2, tag);
                    tags.addBatch();
                    anyTag = true;
                }
                assignments.setLong(1, ids.get(i));
                assignments.setLong(2, lead.owner().id());
                assignments.setString(3, clip(lead.assignmentReason(), 300));
                assignments.setTimestamp(4, at);
                assignments.addBatch();
            }
            if (anyTag) {
                tags.executeBatch();
            }
            assignments.executeBatch();
        }
        return ids;
    }

    private static void bind(PreparedStatement ps, NewLead lead, Timestamp at) throws SQLException {
        LeadInput in = lead.input();
        ps.setString(1, blankToNull(in.externalId()));
        ps.setString(2, in.personName().strip());
        ps.setString(3, blankToNull(in.company()));
        ps.setString(4, blankToNull(in.phone()));
        ps.setString(5, blankToNull(in.email()));
        ps.setString(6, lead.emailKey());
        ps.setString(7, lead.phoneKey());
        ps.setString(8, lead.companyKey());
        setLong(ps, 9, in.channelId());
        ps.setString(10, in.intentOrDefault().name());
        ps.setString(11, in.budgetOrDefault().name());
        if (in.budget() != null) {
            ps.setBigDecimal(12, in.budget().scaled());
            ps.setString(13, in.budget().currency());
        } else {
            ps.setNull(12, Types.NUMERIC);
            ps.setNull(13, Types.CHAR);
        }
        ps.setString(14, in.decisionOrDefault().name());
        ps.setString(15, lead.grade().grade().name());
        ps.setString(16, clip(lead.grade().rule(), 100));
        ps.setInt(17, lead.grade().rulesVersion());
        ps.setLong(18, lead.owner().id());
        setLong(ps, 19, lead.owner().regionId());
        ps.setString(20, blankToNull(in.territory()));
        ps.setTimestamp(21, at);
        ps.setTimestamp(22, at);
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
