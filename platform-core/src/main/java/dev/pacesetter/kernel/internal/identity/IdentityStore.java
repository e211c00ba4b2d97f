package dev.pacesetter.kernel.internal.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.pacesetter.kernel.internal.permissions.PermissionGrants;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.security.RowScope;

/**
 * Users, roles and token digests in the platform tables. Reads that sign-in and token checks need run in
 * their own short transaction; the static methods that change things run on the caller's connection,
 * inside the transaction that also writes the audit row. Every statement is parameterised.
 */
final class IdentityStore {

    /** A user as sign-in needs it. */
    record StoredUser(Caller caller, String displayName, String passwordHash, boolean active) {
    }

    /** A live token's caller and when the token expires ({@code null}: never). */
    record Session(Caller caller, Instant expiresAt) {
    }

    /** A token as its owner may see it: never the token, never its digest. */
    record TokenInfo(long id, String name, String kind, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /**
     * A user's home region: their team's; else the region they are assigned to; else the one they manage as regional
     * manager; else that of a team they manage. {@link #HOME_REGION} needs {@code u} joined with its team as {@code t}.
     */
    static final String HOME_REGION = "COALESCE(t.region_id, u.region_id, (SELECT MIN(mr.id) FROM platform_region mr WHERE mr.manager_id = u.id),"
            + " (SELECT MIN(mt.region_id) FROM platform_team mt WHERE mt.manager_id = u.id))";
    private static final String USER_COLUMNS = "u.id, u.username, u.display_name, u.password_hash, u.active, u.team_id, " + HOME_REGION + ", u.language";

    private final ModuleDatabase db;
    private final Language defaultLanguage;

    /** @param defaultLanguage the language of users who chose none */
    IdentityStore(ModuleDatabase db, Language defaultLanguage) {
        this.db = db;
        this.defaultLanguage = defaultLanguage;
    }

    Optional<StoredUser> userByName(String username) {
        return db.inTransaction(c -> readUser(c, Sql.of("SELECT " + USER_COLUMNS
                + " FROM platform_user u LEFT JOIN platform_team t ON t.id = u.team_id WHERE u.username = ?", username), null, defaultLanguage));
    }

    /** The session of a live token: not revoked, not expired, user still active. One round trip for user and expiry. */
    Optional<Session> sessionByDigest(String digest, Instant now) {
        Instant[] expiresAt = {null};
        return db.inTransaction(c -> readUser(c, Sql.of("SELECT " + USER_COLUMNS + ", k.expires_at FROM platform_token k"
                + " JOIN platform_user u ON u.id = k.user_id LEFT JOIN platform_team t ON t.id = u.team_id"
                + " WHERE k.digest = ? AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > ?) AND u.active = TRUE", digest, now),
                rs -> expiresAt[0] = instant(rs, 9), defaultLanguage))
                .map(user -> new Session(user.caller(), expiresAt[0]));
    }

    static long insertToken(Connection c, long userId, Tokens.Kind kind, String digest, String name, Instant createdAt, Instant expiresAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_token (user_id, kind, digest, name, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, userId);
            ps.setString(2, kind.name());
            ps.setString(3, digest);
            ps.setString(4, name);
            ps.setTimestamp(5, Timestamp.from(createdAt));
            ps.setTimestamp(6, expiresAt == null ? null : Timestamp.from(expiresAt));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Revokes an API token of {@code userId}; the digest of the revoked token, if there was one to revoke.
     * Sign-in sessions are not API tokens: they are never listed at /tokens and end through logout only.
     */
    static Optional<String> revokeApiToken(Connection c, long tokenId, long userId, Instant now) throws SQLException {
        String digest;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT digest FROM platform_token WHERE id = ? AND user_id = ? AND kind = ? AND revoked_at IS NULL")) {
            ps.setLong(1, tokenId);
            ps.setLong(2, userId);
            ps.setString(3, Tokens.Kind.API.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                digest = rs.getString(1);
            }
        }
        revokeDigest(c, digest, now);
        return Optional.of(digest);
    }

    List<TokenInfo> apiTokensOf(long userId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, kind, created_at, expires_at, revoked_at FROM platform_token"
                    + " WHERE user_id = ? AND kind = ? ORDER BY id")) {
                ps.setLong(1, userId);
                ps.setString(2, Tokens.Kind.API.name());
                List<TokenInfo> tokens = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tokens.add(new TokenInfo(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5), instant(rs, 6)));
                    }
                }
                return tokens;
            }
        });
    }

    /**
     * A user as others see it: never the password hash.
     *
     * @param regionId the user's home region (see {@link #HOME_REGION})
     * @param language the tag of the language the user chose, {@code null} while they follow the default
     */
    record UserView(long id, String username, String displayName, String email, List<String> roles, Long teamId, Long regionId,
            boolean active, String language, java.time.LocalDate hireDate) {

        /** As shown to clients: the language the user reads, chosen or not. */
        UserView withLanguageOr(Language defaultLanguage) {
            return language != null ? this
                    : new UserView(id, username, displayName, email, roles, teamId, regionId, active, defaultLanguage.tag(), hireDate);
        }
    }

    /** The users {@code scope} may see (a user "owns" their own row), in id order. */
    static List<UserView> users(Connection c, RowScope scope) throws SQLException {
        return userViews(c, scope.ownedBy("u.id"));
    }

    /** One user, if {@code scope} may see them. */
    static Optional<UserView> user(Connection c, long id, RowScope scope) throws SQLException {
        return userViews(c, Sql.of("u.id = ?", id).and(scope.ownedBy("u.id"))).stream().findFirst();
    }

    /** A user by name, whoever asks (for uniqueness checks). */
    static Optional<UserView> user(Connection c, String username) throws SQLException {
        return userViews(c, Sql.of("u.username = ?", username)).stream().findFirst();
    }

    /** Sets active (and revokes every token when deactivating); false if there is no such user. */
    static boolean setActive(Connection c, long id, boolean active, Instant now) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE platform_user SET active = ? WHERE id = ?", active, id).prepare(c)) {
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        if (!active) {
            try (PreparedStatement ps = Sql.of("UPDATE platform_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", now, id)
                    .prepare(c)) {
                ps.executeUpdate();
            }
        }
        return true;
    }

    /** Replaces a user's display name, team and roles. */
    static void updateUser(Connection c, long id, String displayName, Long teamId, Set<Role> roles) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE platform_user SET display_name = ?, team_id = ? WHERE id = ?", displayName, teamId, id)
                .prepare(c)) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = Sql.of("DELETE FROM platform_user_role WHERE user_id = ?", id).prepare(c)) {
            ps.executeUpdate();
        }
        insertRoles(c, id, roles);
    }

    /** Sets or ({@code null}) clears the date the user joined. */
    static void setHireDate(Connection c, long id, java.time.LocalDate hireDate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE platform_user SET hire_date = ? WHERE id = ?")) {
            ps.setObject(1, hireDate == null ? null : java.sql.Date.valueOf(hireDate));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Assigns the region of a user who is in no team (a team member's region is the team's). */
    static void setRegion(Connection c, long id, long regionId) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE platform_user SET region_id = ? WHERE id = ?", regionId, id).prepare(c)) {
            ps.executeUpdate();
        }
    }

    /** Sets the user's language, or ({@code null}) lets them follow the installation's default. */
    static void setLanguage(Connection c, long id, Language language) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE platform_user SET language = ? WHERE id = ?")) {
            ps.setString(1, language == null ? null : language.tag());
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Sets or ({@code null}) removes the address notification e-mails go to. */
    static void setEmail(Connection c, long id, String email) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE platform_user SET email = ? WHERE id = ?")) {
            ps.setString(1, email);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static List<UserView> userViews(Connection c, Sql condition) throws SQLException {
        java.util.Map<Long, List<String>> roles = new java.util.HashMap<>();
        Sql roleQuery = Sql.of("SELECT r.user_id, r.role FROM platform_user_role r JOIN platform_user u ON u.id = r.user_id").where(condition)
                .append("ORDER BY r.role");
        try (PreparedStatement ps = roleQuery.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                roles.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        List<UserView> users = new ArrayList<>();
        Sql userQuery = Sql.of("SELECT u.id, u.username, u.display_name, u.team_id, u.active, u.email, " + HOME_REGION
                + ", u.language, u.hire_date FROM platform_user u LEFT JOIN platform_team t ON t.id = u.team_id").where(condition).append("ORDER BY u.id");
        try (PreparedStatement ps = userQuery.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long userId = rs.getLong(1);
                users.add(new UserView(userId, rs.getString(2), rs.getString(3), rs.getString(6), roles.getOrDefault(userId, List.of()),
                        rs.getObject(4, Long.class), rs.getObject(7, Long.class), rs.getBoolean(5),
                        Language.fromTag(rs.getString(8)).map(Language::tag).orElse(null),
                        rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate()));
            }
        }
        return users;
    }

    long userCount() {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM platform_user")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    static long createUser(Connection c, String username, String displayName, String passwordHash, Set<Role> roles, Long teamId, String email,
            Instant now) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_user (username, display_name, password_hash, team_id, active,"
                + " created_at, email) VALUES (?, ?, ?, ?, TRUE, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, username);
            ps.setString(2, displayName);
            ps.setString(3, passwordHash);
            ps.setObject(4, teamId);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setString(6, email);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        insertRoles(c, id, roles);
        return id;
    }

    private static void insertRoles(Connection c, long userId, Set<Role> roles) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_user_role (user_id, role) VALUES (?, ?)")) {
            for (Role role : roles) {
                ps.setLong(1, userId);
                ps.setString(2, role.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Replaces a user's password hash by a stronger one of the same password, only if it is still the hash
     * that was just verified (a concurrent password change wins). True if it was replaced.
     */
    static boolean upgradePasswordHash(Connection c, long userId, String verified, String stronger) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE platform_user SET password_hash = ? WHERE id = ? AND password_hash = ?")) {
            ps.setString(1, stronger);
            ps.setLong(2, userId);
            ps.setString(3, verified);
            return ps.executeUpdate() == 1;
        }
    }

    static void revokeDigest(Connection c, String digest, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE platform_token SET revoked_at = ? WHERE digest = ? AND revoked_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, digest);
            ps.executeUpdate();
        }
    }

    /** Extra columns a query selects after {@link #USER_COLUMNS}. */
    private interface ExtraColumns {
        void read(ResultSet rs) throws SQLException;
    }

    private static Optional<StoredUser> readUser(Connection c, Sql query, ExtraColumns extra, Language defaultLanguage) throws SQLException {
        long id;
        String username;
        String displayName;
        String passwordHash;
        boolean active;
        Optional<Long> team;
        Optional<Long> region;
        Language language;
        try (PreparedStatement ps = query.prepare(c); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            id = rs.getLong(1);
            username = rs.getString(2);
            displayName = rs.getString(3);
            passwordHash = rs.getString(4);
            active = rs.getBoolean(5);
            team = Optional.ofNullable(rs.getObject(6, Long.class));
            region = Optional.ofNullable(rs.getObject(7, Long.class));
            language = Language.fromTag(rs.getString(8)).orElse(defaultLanguage);
            if (extra != null) {
                extra.read(rs);
            }
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try (PreparedStatement ps = Sql.of("SELECT role FROM platform_user_role WHERE user_id = ?", id).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                roles.add(Role.valueOf(rs.getString(1)));
            }
        }
        Set<Long> managedTeams = ids(c, Sql.of("SELECT id FROM platform_team WHERE manager_id = ?", id));
        Set<Long> managedRegions = ids(c, Sql.of("SELECT id FROM platform_region WHERE manager_id = ?", id));
        PermissionGrants.Decisions decisions = PermissionGrants.decisionsFor(c, id, roles);
        Caller caller = new Caller(id, username, roles, team, region, managedTeams, managedRegions, language, decisions.granted(), decisions.withheld());
        return Optional.of(new StoredUser(caller, displayName, passwordHash, active));
    }

    private static Set<Long> ids(Connection c, Sql query) throws SQLException {
        Set<Long> ids = new java.util.HashSet<>();
        try (PreparedStatement ps = query.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
