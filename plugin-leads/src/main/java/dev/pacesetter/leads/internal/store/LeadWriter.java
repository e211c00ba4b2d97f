package dev.pacesetter.leads.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.pacesetter.leads.internal.domain.LeadInput;
import dev.pacesetter.leads.internal.domain.NewLead;
import dev.pacesetter.platform.api.db.Sql;

/**
 * Inserts prepared leads in batches on the caller's connection: the lead rows, their tags and their first
 * assignment. The lead row itself carries the grade and the rule that decided it.
 */
public final class LeadWriter {

    static final String INSERT = "INSERT INTO leads_lead (external_id, person_name, company, phone, email, email_key, phone_key, company_key,"
            + " channel_id, intent, budget_status, budget_amount, budget_currency, decision_role, grade, grade_rule, grade_rules_version,"
            + " owner_id, region_id, territory, status, created_at, updated_at, version) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, 1)";
    private static final int PARAMETERS = 22;
    /**
     * Rows per multi-row INSERT: one statement and one round trip returns all their ids (a JDBC batch that returns
     * generated keys is split into many round trips by the PostgreSQL driver); 500 x 22 parameters stays well under
     * PostgreSQL's 32,767.
     */
    static final int ROWS_PER_STATEMENT = 500;

    private LeadWriter() {
    }

    /** @return the new leads' ids, in the order given */
    public static List<Long> insertAll(Connection c, List<NewLead> leads, Instant now) throws SQLException {
        List<Long> ids = new ArrayList<>(leads.size());
        if (leads.isEmpty()) {
            return ids;
        }
        Timestamp at = Timestamp.from(now);
        for (int from = 0; from < leads.size(); from += ROWS_PER_STATEMENT) {
            List<NewLead> chunk = leads.subList(from, Math.min(leads.size(), from + ROWS_PER_STATEMENT));
            String sql = INSERT + String.join(", ", Collections.nCopies(chunk.size(), ROW));
            try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
                for (int i = 0; i < chunk.size(); i++) {
                    bind(ps, i * PARAMETERS, chunk.get(i), at);
                }
                ps.executeUpdate();
                List<Long> chunkIds = new ArrayList<>(chunk.size());
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        chunkIds.add(keys.getLong(1));
                    }
                }
                // the identity numbers rows in VALUES order; sorting does not rely on the order RETURNING lists them in
                chunkIds.sort(null);
                ids.addAll(chunkIds);
            }
        }
        if (ids.size() != leads.size()) {
            throw new SQLException("expected " + leads.size() + " generated lead ids, got " + ids.size());
        }
        List<Object[]> tagRows = new ArrayList<>();
        List<Object[]> assignmentRows = new ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            NewLead lead = leads.get(i);
            for (long tag : lead.tagIds()) {
                tagRows.add(new Object[] {ids.get(i), tag});
            }
            assignmentRows.add(new Object[] {ids.get(i), lead.owner().id(), Jdbc.clip(lead.assignmentReason(), 300), at});
        }
        insertRows(c, "INSERT INTO leads_lead_tag (lead_id, tag_id) VALUES ", "(?, ?)", tagRows);
        insertRows(c, "INSERT INTO leads_assignment (lead_id, from_owner, to_owner, by_user, reason, happened_at) VALUES ",
                "(?, NULL, ?, NULL, ?, ?)", assignmentRows);
        return ids;
    }

    /** Multi-row INSERTs of up to {@value #ROWS_PER_STATEMENT} rows each: fewer statements for the server to run. */
    private static void insertRows(Connection c, String insert, String row, List<Object[]> rows) throws SQLException {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            List<Object> values = new ArrayList<>();
            for (Object[] one : chunk) {
                Collections.addAll(values, one);
            }
            try (PreparedStatement ps = Sql.of(insert + String.join(", ", Collections.nCopies(chunk.size(), row)), values.toArray()).prepare(c)) {
                ps.executeUpdate();
            }
        }
    }

    /**
     * Binds one lead row with typed setters, its NULLs too ({@code setNull(i, Types.NUMERIC)}), where {@link Sql} would bind a NULL
     * without a type: an import sends thousands of these statements, and the PostgreSQL driver keeps reusing its server-side
     * prepared statement only while each position is bound with the type it was prepared with. Untyped NULLs in a column that
     * is empty in some rows would have the server parse and plan this INSERT of up to 11,000 parameters again and again.
     */
    private static void bind(PreparedStatement ps, int offset, NewLead lead, Timestamp at) throws SQLException {
        LeadInput in = lead.input();
        ps.setString(offset + 1, Jdbc.blankToNull(in.externalId()));
        ps.setString(offset + 2, in.personName().strip());
        ps.setString(offset + 3, Jdbc.blankToNull(in.company()));
        ps.setString(offset + 4, Jdbc.blankToNull(in.phone()));
        ps.setString(offset + 5, Jdbc.blankToNull(in.email()));
        ps.setString(offset + 6, lead.emailKey());
        ps.setString(offset + 7, lead.phoneKey());
        ps.setString(offset + 8, lead.companyKey());
        setLong(ps, offset + 9, in.channelId());
        ps.setString(offset + 10, in.intentOrDefault().name());
        ps.setString(offset + 11, in.budgetOrDefault().name());
        if (in.budget() != null) {
            ps.setBigDecimal(offset + 12, in.budget().scaled());
            ps.setString(offset + 13, in.budget().currency());
        } else {
            ps.setNull(offset + 12, Types.NUMERIC);
            ps.setNull(offset + 13, Types.CHAR);
        }
        ps.setString(offset + 14, in.decisionOrDefault().name());
        ps.setString(offset + 15, lead.grade().grade().name());
        ps.setString(offset + 16, Jdbc.clip(lead.grade().rule(), 100));
        ps.setInt(offset + 17, lead.grade().rulesVersion());
        ps.setLong(offset + 18, lead.owner().id());
        setLong(ps, offset + 19, lead.owner().regionId());
        ps.setString(offset + 20, Jdbc.blankToNull(in.territory()));
        ps.setTimestamp(offset + 21, at);
        ps.setTimestamp(offset + 22, at);
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
