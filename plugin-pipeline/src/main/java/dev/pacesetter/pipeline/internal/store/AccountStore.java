package dev.pacesetter.pipeline.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.pacesetter.pipeline.api.Tier;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.security.RowScope;

/** Accounts and their contacts, read within a caller's scope. */
public final class AccountStore {

    /** An account as the API shows it. */
    public record Account(long id, String name, long ownerId, Long regionId, Long sourceLeadId, Tier tier, Instant tierChangedAt, List<Contact> contacts,
            Instant createdAt, Instant updatedAt, int version) {
    }

    /** A person at an account. */
    public record Contact(long id, long accountId, String name, String title, String email, String phone, Instant createdAt) {
    }

    private static final String COLUMNS = "a.id, a.name, a.owner_id, a.region_id, a.source_lead_id, a.tier, a.tier_changed_at, a.created_at,"
            + " a.updated_at, a.version";

    private AccountStore() {
    }

    public static long insert(Connection c, String name, Owners.Owner owner, Long sourceLeadId, Instant now) throws SQLException {
        return (Sql.of("INSERT INTO pipeline_account (name, owner_id, region_id, source_lead_id, created_at, updated_at,"
                + " version) VALUES (?, ?, ?, ?, ?, ?, 1)", name.strip(), owner.id(), owner.regionId(), sourceLeadId, now, now)).insertReturningKey(c, "id");
    }

    public static long insertContact(Connection c, long accountId, String name, String title, String email, String phone, Instant now) throws SQLException {
        return (Sql.of("INSERT INTO pipeline_contact (account_id, name, title, email, phone, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", accountId, name.strip(), Jdbc.blankToNull(title), Jdbc.blankToNull(email), Jdbc.blankToNull(phone), now)).insertReturningKey(c, "id");
    }

    public static Optional<Account> find(Connection c, long id, RowScope scope) throws SQLException {
        Sql sql = Sql.of("SELECT " + COLUMNS + " FROM pipeline_account a WHERE a.id = ?", id).and(scope.ownedBy("a.owner_id"));
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Account account = row(rs, List.of());
            return Optional.of(withContacts(account, contacts(c, id)));
        }
    }

    /** Newest first, {@code limit + 1} rows (to tell whether more follow), after the id {@code before} if given. */
    public static List<Account> page(Connection c, RowScope scope, Optional<String> text, Optional<Long> before, int limit) throws SQLException {
        Sql sql = Sql.of("SELECT " + COLUMNS + " FROM pipeline_account a WHERE 1 = 1").and(scope.ownedBy("a.owner_id"));
        if (text.isPresent()) {
            sql = sql.and(Sql.of("LOWER(a.name) LIKE ? ESCAPE '!'", "%" + Sql.likeLiteral(text.get().toLowerCase(java.util.Locale.ROOT)) + "%"));
        }
        if (before.isPresent()) {
            sql = sql.and(Sql.of("a.id < ?", before.get()));
        }
        List<Account> accounts = new ArrayList<>();
        try (PreparedStatement ps = sql.append("ORDER BY a.id DESC FETCH FIRST ? ROWS ONLY", limit + 1).prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                accounts.add(row(rs, List.of()));
            }
        }
        return accounts;
    }

    public static List<Contact> contacts(Connection c, long accountId) throws SQLException {
        List<Contact> contacts = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT id, account_id, name, title, email, phone, created_at FROM pipeline_contact WHERE account_id = ?"
                + " ORDER BY id", accountId).prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                contacts.add(contact(rs));
            }
        }
        return contacts;
    }

    public static Contact contact(ResultSet rs) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getString("title"), rs.getString("email"),
                rs.getString("phone"), Jdbc.instant(rs, "created_at"));
    }

    private static Account withContacts(Account a, List<Contact> contacts) {
        return new Account(a.id(), a.name(), a.ownerId(), a.regionId(), a.sourceLeadId(), a.tier(), a.tierChangedAt(), contacts, a.createdAt(),
                a.updatedAt(), a.version());
    }

    private static Account row(ResultSet rs, List<Contact> contacts) throws SQLException {
        String tier = rs.getString("tier");
        return new Account(rs.getLong("id"), rs.getString("name"), rs.getLong("owner_id"), rs.getObject("region_id", Long.class),
                rs.getObject("source_lead_id", Long.class), tier == null ? null : Tier.valueOf(tier), Jdbc.instant(rs, "tier_changed_at"), contacts,
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"), rs.getInt("version"));
    }
}
