package dev.pacesetter.kernel.internal.webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.pacesetter.platform.api.db.Sql;

/** The subscriptions table; every method works on the caller's connection. */
final class WebhookStore {

    private static final String COLUMNS = "id, url, topics, description, active, created_at, updated_at";

    /** What the fan-out needs of an active webhook. */
    record Subscription(long id, List<String> topics) {
    }

    private WebhookStore() {
    }

    static long insert(Connection c, Webhook input, String secret, long createdBy) throws SQLException {
        Sql insert = Sql.of("INSERT INTO platform_webhook (url, topics, description, secret, active, created_by, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", input.url(), String.join(",", input.topics()), input.description(), secret,
                input.active(), createdBy, input.createdAt(), input.updatedAt());
        try (PreparedStatement ps = c.prepareStatement(insert.text(), Statement.RETURN_GENERATED_KEYS)) {
            insert.bind(ps, 1);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static Optional<Webhook> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT " + COLUMNS + " FROM platform_webhook WHERE id = ?", id).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    static List<Webhook> all(Connection c) throws SQLException {
        List<Webhook> webhooks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM platform_webhook ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                webhooks.add(read(rs));
            }
        }
        return webhooks;
    }

    static void update(Connection c, Webhook changed) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE platform_webhook SET url = ?, topics = ?, description = ?, active = ?, updated_at = ?"
                + " WHERE id = ?", changed.url(), String.join(",", changed.topics()), changed.description(), changed.active(),
                changed.updatedAt(), changed.id()).prepare(c)) {
            ps.executeUpdate();
        }
    }

    static void rotateSecret(Connection c, long id, String secret, Instant now) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE platform_webhook SET secret = ?, updated_at = ? WHERE id = ?", secret, now, id).prepare(c)) {
            ps.executeUpdate();
        }
    }

    /** Deletes the webhook with its deliveries and their attempts (the foreign keys cascade). */
    static boolean delete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = Sql.of("DELETE FROM platform_webhook WHERE id = ?", id).prepare(c)) {
            return ps.executeUpdate() == 1;
        }
    }

    static List<Subscription> active(Connection c) throws SQLException {
        List<Subscription> active = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, topics FROM platform_webhook WHERE active = TRUE ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                active.add(new Subscription(rs.getLong(1), topics(rs.getString(2))));
            }
        }
        return active;
    }

    private static Webhook read(ResultSet rs) throws SQLException {
        return new Webhook(rs.getLong(1), rs.getString(2), topics(rs.getString(3)), rs.getString(4), rs.getBoolean(5),
                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant());
    }

    private static List<String> topics(String joined) {
        return Arrays.stream(joined.split(",")).filter(topic -> !topic.isEmpty()).toList();
    }
}
