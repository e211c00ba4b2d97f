package dev.pacesetter.leads.internal.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.security.Caller;

/**
 * The teams and regions a caller may configure lead routing for: administrators everything; a manager the teams they
 * manage and every team of a region they manage, and those teams' regions. A rule outside it would divert another
 * region's incoming leads.
 */
public record ManagedScope(boolean everything, Set<Long> teamIds, Set<Long> regionIds) {

    public ManagedScope {
        teamIds = Set.copyOf(teamIds);
        regionIds = Set.copyOf(regionIds);
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

    /** Whether a rule sending leads of {@code regionId} to {@code teamId} is the caller's to add or remove. */
    public boolean covers(Long regionId, long teamId) {
        return everything || (regionId != null && regionIds.contains(regionId) && teamIds.contains(teamId));
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
