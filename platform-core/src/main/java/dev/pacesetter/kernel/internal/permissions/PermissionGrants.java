package dev.pacesetter.kernel.internal.permissions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.db.Sql;

/**
 * The administrators' decisions about permissions, in the platform's tables: the roles they chose for a permission
 * (instead of its default roles) and the users they granted it to by name.
 */
public final class PermissionGrants {

    /** One user's share of the decisions: what they hold by them, and what the chosen roles deny them. */
    public record Decisions(Set<String> granted, Set<String> withheld) {
    }

    private PermissionGrants() {
    }

    /** The decisions that apply to a user with {@code roles}; one round trip. */
    public static Decisions decisionsFor(Connection c, long userId, Set<Role> roles) throws SQLException {
        Set<String> granted = new HashSet<>();
        Set<String> withheld = new HashSet<>();
        try (PreparedStatement ps = Sql.of("SELECT permission, roles FROM platform_permission_roles"
                + " UNION ALL SELECT permission, NULL FROM platform_permission_user WHERE user_id = ?", userId).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String permission = rs.getString(1);
                String chosen = rs.getString(2);
                if (chosen == null || parse(chosen).stream().anyMatch(roles::contains)) {
                    granted.add(permission);
                } else {
                    withheld.add(permission);
                }
            }
        }
        withheld.removeAll(granted);
        return new Decisions(granted, withheld);
    }

    /** The roles administrators chose for each permission that has a choice. */
    static Map<String, Set<Role>> chosenRoles(Connection c) throws SQLException {
        Map<String, Set<Role>> chosen = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT permission, roles FROM platform_permission_roles");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                chosen.put(rs.getString(1), parse(rs.getString(2)));
            }
        }
        return chosen;
    }

    /** The users granted each permission by name: permission → user ids. */
    static Map<String, Set<Long>> namedUsers(Connection c) throws SQLException {
        Map<String, Set<Long>> users = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT permission, user_id FROM platform_permission_user");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getLong(2));
            }
        }
        return users;
    }

    /** The users granted one permission by name. */
    static Set<Long> namedUsers(Connection c, String permission) throws SQLException {
        Set<Long> users = new TreeSet<>();
        try (PreparedStatement ps = Sql.of("SELECT user_id FROM platform_permission_user WHERE permission = ?", permission).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(rs.getLong(1));
            }
        }
        return users;
    }

    /** The roles chosen for one permission, if administrators chose any. */
    static Optional<Set<Role>> chosenRoles(Connection c, String permission) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT roles FROM platform_permission_roles WHERE permission = ?", permission).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(parse(rs.getString(1))) : Optional.empty();
        }
    }

    static void chooseRoles(Connection c, String permission, Set<Role> roles, Instant now) throws SQLException {
        String text = format(roles);
        if (Sql.of("UPDATE platform_permission_roles SET roles = ?, changed_at = ? WHERE permission = ?", text, now, permission).update(c) == 0) {
            Sql.of("INSERT INTO platform_permission_roles (permission, roles, changed_at) VALUES (?, ?, ?)", permission, text, now).update(c);
        }
    }

    static void restoreDefaultRoles(Connection c, String permission) throws SQLException {
        Sql.of("DELETE FROM platform_permission_roles WHERE permission = ?", permission).update(c);
    }

    /** Grants once: granting again keeps the first grant's time. */
    static void grantToUser(Connection c, String permission, long userId, Instant now) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT 1 FROM platform_permission_user WHERE permission = ? AND user_id = ?", permission, userId)
                .prepare(c); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                return;
            }
        }
        Sql.of("INSERT INTO platform_permission_user (permission, user_id, granted_at) VALUES (?, ?, ?)", permission, userId, now).update(c);
    }

    static void revokeFromUser(Connection c, String permission, long userId) throws SQLException {
        Sql.of("DELETE FROM platform_permission_user WHERE permission = ? AND user_id = ?", permission, userId).update(c);
    }

    static String format(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Role> parse(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(name -> {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException unknownRole) {
                // a role a later version removed holds nothing
            }
        });
        return roles;
    }
}
