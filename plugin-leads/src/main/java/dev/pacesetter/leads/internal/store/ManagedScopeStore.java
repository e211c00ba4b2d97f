package dev.pacesetter.leads.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import dev.pacesetter.leads.internal.domain.ManagedScope;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.security.Caller;

/** A caller's {@link ManagedScope}, with the teams of the regions they manage and the regions of the teams they manage. */
public final class ManagedScopeStore {

    private ManagedScopeStore() {
    }

    public static ManagedScope of(Connection c, Caller caller) throws SQLException {
        if (caller.hasRole(Role.ADMIN)) {
            return new ManagedScope(true, Set.of(), Set.of());
        }
        if (!caller.hasRole(Role.MANAGER)) {
            return new ManagedScope(false, Set.of(), Set.of());
        }
        Set<Long> teams = new HashSet<>(caller.managedTeamIds());
        Set<Long> regions = new HashSet<>(caller.managedRegionIds());
        teams.addAll(ids(c, Sql.of("SELECT id FROM org_team_v1").where(Sql.in("region_id", caller.managedRegionIds()))));
        regions.addAll(ids(c, Sql.of("SELECT region_id FROM org_team_v1").where(Sql.in("id", caller.managedTeamIds()))));
        return new ManagedScope(false, teams, regions);
    }

    private static Set<Long> ids(Connection c, Sql query) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps = query.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
