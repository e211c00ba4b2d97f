package dev.pacesetter.kernel.internal.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.i18n.Language;

/** Users' delivery preferences, one row per (user, kind); kind {@value #ANY_KIND} is a user's own default. Runs on the caller's connection. */
final class PreferenceStore {

    static final String ANY_KIND = "*";

    /** What the notifier needs to know about a recipient, read in one round trip. */
    record Recipient(Optional<String> email, Optional<Channel> forKind, Optional<Channel> userDefault, Optional<Language> language) {
    }

    private PreferenceStore() {
    }

    /**
     * The recipient's address and choices for {@code kind}; empty if there is no such user. A deactivated
     * user has no address here: whoever left gets no more mail.
     */
    static Optional<Recipient> recipient(Connection c, long userId, String kind) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT CASE WHEN u.active THEN u.email END,"
                + " (SELECT p.channel FROM platform_notification_preference p WHERE p.user_id = u.id AND p.kind = ?),"
                + " (SELECT p.channel FROM platform_notification_preference p WHERE p.user_id = u.id AND p.kind = ?), u.language"
                + " FROM platform_user u WHERE u.id = ?", kind, ANY_KIND, userId).prepare(c); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Recipient(Optional.ofNullable(rs.getString(1)), Channel.parse(rs.getString(2)), Channel.parse(rs.getString(3)),
                    Language.fromTag(rs.getString(4))));
        }
    }

    /** Every choice the user made, by kind ({@value #ANY_KIND} included). */
    static Map<String, Channel> chosen(Connection c, long userId) throws SQLException {
        Map<String, Channel> chosen = new TreeMap<>();
        try (PreparedStatement ps = Sql.of("SELECT kind, channel FROM platform_notification_preference WHERE user_id = ?", userId).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String kind = rs.getString(1);
                Channel.parse(rs.getString(2)).ifPresent(channel -> chosen.put(kind, channel));
            }
        }
        return chosen;
    }

    /** The kinds of notification the user has received so far, so that a client can offer a choice for each. */
    static List<String> receivedKinds(Connection c, long userId) throws SQLException {
        List<String> kinds = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT DISTINCT kind FROM platform_notification WHERE user_id = ? ORDER BY kind", userId).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                kinds.add(rs.getString(1));
            }
        }
        return kinds;
    }

    /** Sets the user's channel for {@code kind}; returns the one it replaces. */
    static Optional<Channel> put(Connection c, long userId, String kind, Channel channel, Instant now) throws SQLException {
        Optional<Channel> before = current(c, userId, kind);
        Sql write = before.isPresent()
                ? Sql.of("UPDATE platform_notification_preference SET channel = ?, updated_at = ? WHERE user_id = ? AND kind = ?", channel.name(), now,
                        userId, kind)
                : Sql.of("INSERT INTO platform_notification_preference (user_id, kind, channel, updated_at) VALUES (?, ?, ?, ?)", userId, kind,
                        channel.name(), now);
        try (PreparedStatement ps = write.prepare(c)) {
            ps.executeUpdate();
        }
        return before;
    }

    /** Forgets the user's channel for {@code kind}; returns the one it was. */
    static Optional<Channel> remove(Connection c, long userId, String kind) throws SQLException {
        Optional<Channel> before = current(c, userId, kind);
        if (before.isPresent()) {
            try (PreparedStatement ps = Sql.of("DELETE FROM platform_notification_preference WHERE user_id = ? AND kind = ?", userId, kind).prepare(c)) {
                ps.executeUpdate();
            }
        }
        return before;
    }

    private static Optional<Channel> current(Connection c, long userId, String kind) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT channel FROM platform_notification_preference WHERE user_id = ? AND kind = ?", userId, kind)
                .prepare(c); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Channel.parse(rs.getString(1)) : Optional.empty();
        }
    }
}
