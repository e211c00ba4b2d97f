package dev.pacesetter.leads.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import dev.pacesetter.leads.internal.domain.Owner;
import dev.pacesetter.platform.api.db.Sql;

/** Users as lead owners, from the organisation's views. */
public final class OwnerStore {

    private OwnerStore() {
    }

    public static Optional<Owner> find(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT u.id, u.active, u.team_id, t.region_id FROM org_user_v1 u"
                + " LEFT JOIN org_team_v1 t ON t.id = u.team_id WHERE u.id = ?", userId).prepare(c); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Owner(rs.getLong(1), rs.getBoolean(2), rs.getObject(3, Long.class), rs.getObject(4, Long.class)));
        }
    }
}
