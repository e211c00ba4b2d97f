package dev.pacesetter.kernel.internal.identity;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.db.DataAccessException;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.org.Organisation;
import dev.pacesetter.platform.api.org.Person;
import dev.pacesetter.platform.api.org.Region;
import dev.pacesetter.platform.api.org.Team;

/**
 * The kernel's {@link Organisation}: reads through the published {@code org_*_v1} views (the same ones plugins join), so
 * every plugin call also proves the views work on the database in use.
 */
public final class OrganisationService implements Organisation {

    @Override
    public Optional<Person> person(Connection connection, long userId) {
        return persons(connection, Sql.of("u.id = ?", userId)).stream().findFirst();
    }

    @Override
    public Optional<Person> personByUsername(Connection connection, String username) {
        return persons(connection, Sql.of("u.username = ?", username)).stream().findFirst();
    }

    @Override
    public List<Person> members(Connection connection, long teamId) {
        return persons(connection, Sql.of("u.team_id = ?", teamId));
    }

    @Override
    public Optional<Team> team(Connection connection, long teamId) {
        return teams(connection, Sql.of("id = ?", teamId)).stream().findFirst();
    }

    @Override
    public List<Team> teams(Connection connection) {
        return teams(connection, Sql.alwaysTrue());
    }

    @Override
    public Optional<Region> region(Connection connection, long regionId) {
        return regions(connection, Sql.of("id = ?", regionId)).stream().findFirst();
    }

    @Override
    public List<Region> regions(Connection connection) {
        return regions(connection, Sql.alwaysTrue());
    }

    static List<Person> persons(Connection c, Sql condition) {
        try {
            Map<Long, Set<Role>> roles = new HashMap<>();
            try (PreparedStatement ps = Sql.of("SELECT r.user_id, r.role FROM org_user_role_v1 r JOIN org_user_v1 u ON u.id = r.user_id")
                    .where(condition).prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long userId = rs.getLong(1);
                    role(rs.getString(2)).ifPresent(role -> roles.computeIfAbsent(userId, k -> EnumSet.noneOf(Role.class)).add(role));
                }
            }
            List<Person> people = new ArrayList<>();
            try (PreparedStatement ps = Sql.of("SELECT u.id, u.username, u.display_name, u.team_id, u.region_id, u.manager_id, u.active,"
                    + " u.hire_date, u.language FROM org_user_v1 u").where(condition).append("ORDER BY u.id").prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Date hired = rs.getDate(8);
                    people.add(new Person(id, rs.getString(2), rs.getString(3), rs.getObject(4, Long.class), rs.getObject(5, Long.class),
                            rs.getObject(6, Long.class), rs.getBoolean(7), roles.getOrDefault(id, Set.of()),
                            hired == null ? null : hired.toLocalDate(), Language.fromTag(rs.getString(9)).orElse(null)));
                }
            }
            return people;
        } catch (SQLException e) {
            throw new DataAccessException("could not read the organisation (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private static Optional<Role> role(String name) {
        try {
            return Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a role this SDK does not know yet
        }
    }

    private static List<Team> teams(Connection c, Sql condition) {
        try (PreparedStatement ps = Sql.of("SELECT id, name, region_id, manager_id FROM org_team_v1").where(condition).append("ORDER BY id")
                .prepare(c); ResultSet rs = ps.executeQuery()) {
            List<Team> teams = new ArrayList<>();
            while (rs.next()) {
                teams.add(new Team(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, Long.class)));
            }
            return teams;
        } catch (SQLException e) {
            throw new DataAccessException("could not read the teams (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private static List<Region> regions(Connection c, Sql condition) {
        try (PreparedStatement ps = Sql.of("SELECT id, code, name, manager_id FROM org_region_v1").where(condition).append("ORDER BY id")
                .prepare(c); ResultSet rs = ps.executeQuery()) {
            List<Region> regions = new ArrayList<>();
            while (rs.next()) {
                regions.add(new Region(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class)));
            }
            return regions;
        } catch (SQLException e) {
            throw new DataAccessException("could not read the regions (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
