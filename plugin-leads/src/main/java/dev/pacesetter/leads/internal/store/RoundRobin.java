package dev.pacesetter.leads.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.pacesetter.platform.api.db.Sql;

/**
 * Whose turn it is in a team: the active reps in id order, after the one who got the last lead. The team's
 * row is locked for the transaction, so concurrent intakes take turns instead of picking the same rep; an
 * import keeps the turn in memory and writes it once at the end.
 */
public final class RoundRobin {

    private final long teamId;
    private final List<Long> members;
    private Long last;

    private RoundRobin(long teamId, List<Long> members, Long last) {
        this.teamId = teamId;
        this.members = members;
        this.last = last;
    }

    /** Locks the team's turn; the caller must {@link #save} before committing. */
    public static RoundRobin lock(Connection c, long teamId) throws SQLException {
        Long last = null;
        boolean exists;
        try (PreparedStatement ps = Sql.of("SELECT last_user_id FROM leads_round_robin WHERE team_id = ? FOR UPDATE", teamId).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            exists = rs.next();
            if (exists) {
                last = rs.getObject(1, Long.class);
            }
        }
        if (!exists) {
            // rules create the row with the rule; this covers a team whose row was never made
            try (PreparedStatement ps = Sql.of("INSERT INTO leads_round_robin (team_id, last_user_id) VALUES (?, NULL)", teamId).prepare(c)) {
                ps.executeUpdate();
            }
        }
        List<Long> members = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT u.id FROM org_user_v1 u WHERE u.team_id = ? AND u.active = TRUE"
                + " AND EXISTS (SELECT 1 FROM org_user_role_v1 r WHERE r.user_id = u.id AND r.role = 'REP') ORDER BY u.id", teamId).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                members.add(rs.getLong(1));
            }
        }
        return new RoundRobin(teamId, members, last);
    }

    /** The next active rep, or empty if the team has none. */
    public Optional<Long> next() {
        if (members.isEmpty()) {
            return Optional.empty();
        }
        Long pick = members.get(0);
        if (last != null) {
            for (Long member : members) {
                if (member > last) {
                    pick = member;
                    break;
                }
            }
        }
        last = pick;
        return Optional.of(pick);
    }

    public void save(Connection c) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE leads_round_robin SET last_user_id = ? WHERE team_id = ?", last, teamId).prepare(c)) {
            ps.executeUpdate();
        }
    }

    public long teamId() {
        return teamId;
    }
}
