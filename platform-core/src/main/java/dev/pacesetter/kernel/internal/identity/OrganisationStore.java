package dev.pacesetter.kernel.internal.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.pacesetter.platform.api.db.Sql;

/** Regions and teams; every method works on the caller's connection (and transaction). */
final class OrganisationStore {

    /** A region as clients see it. */
    record Region(long id, String code, String name, Long managerId) {
    }

    /** A team as clients see it. */
    record Team(long id, long regionId, String name, Long managerId) {
    }

    private OrganisationStore() {
    }

    static List<Region> regions(Connection c) throws SQLException {
        return regions(c, Sql.of("SELECT id, code, name, manager_id FROM platform_region ORDER BY code"));
    }

    static Optional<Region> region(Connection c, long id) throws SQLException {
        return regions(c, Sql.of("SELECT id, code, name, manager_id FROM platform_region WHERE id = ?", id)).stream().findFirst();
    }

    static Optional<Region> regionByCode(Connection c, String code) throws SQLException {
        return regions(c, Sql.of("SELECT id, code, name, manager_id FROM platform_region WHERE code = ?", code)).stream().findFirst();
    }

    static long insertRegion(Connection c, String code, String name, Long managerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_region (code, name, manager_id) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, code);
            ps.setString(2, name);
            ps.setObject(3, managerId);
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    static void updateRegion(Connection c, long id, String name, Long managerId) throws SQLException {
        execute(c, Sql.of("UPDATE platform_region SET name = ?, manager_id = ? WHERE id = ?", name, managerId, id));
    }

    static List<Team> teams(Connection c, Optional<Long> regionId) throws SQLException {
        Sql sql = Sql.of("SELECT id, region_id, name, manager_id FROM platform_team");
        if (regionId.isPresent()) {
            sql = sql.append("WHERE region_id = ?", regionId.get());
        }
        return teams(c, sql.append("ORDER BY region_id, name"));
    }

    static Optional<Team> team(Connection c, long id) throws SQLException {
        return teams(c, Sql.of("SELECT id, region_id, name, manager_id FROM platform_team WHERE id = ?", id)).stream().findFirst();
    }

    static boolean teamNameTaken(Connection c, long regionId, String name, long exceptTeamId) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT 1 FROM platform_team WHERE region_id = ? AND name = ? AND id <> ?", regionId, name,
                exceptTeamId).prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    static long insertTeam(Connection c, long regionId, String name, Long managerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_team (region_id, name, manager_id) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, regionId);
            ps.setString(2, name);
            ps.setObject(3, managerId);
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    static void updateTeam(Connection c, long id, long regionId, String name, Long managerId) throws SQLException {
        execute(c, Sql.of("UPDATE platform_team SET region_id = ?, name = ?, manager_id = ? WHERE id = ?", regionId, name, managerId, id));
    }

    /** Whether {@code userId} is an active user holding the MANAGER role. */
    static boolean isActiveManager(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT 1 FROM platform_user u JOIN platform_user_role r ON r.user_id = u.id"
                + " WHERE u.id = ? AND u.active = TRUE AND r.role = 'MANAGER'", userId).prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private static List<Region> regions(Connection c, Sql sql) throws SQLException {
        List<Region> regions = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                regions.add(new Region(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class)));
            }
        }
        return regions;
    }

    private static List<Team> teams(Connection c, Sql sql) throws SQLException {
        List<Team> teams = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                teams.add(new Team(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class)));
            }
        }
        return teams;
    }

    private static void execute(Connection c, Sql sql) throws SQLException {
        try (PreparedStatement ps = sql.prepare(c)) {
            ps.executeUpdate();
        }
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
