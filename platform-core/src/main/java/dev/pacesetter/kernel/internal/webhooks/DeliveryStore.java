package dev.pacesetter.kernel.internal.webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.DeliveredEvent;

/** Deliveries and their attempts; every method works on the caller's connection. */
final class DeliveryStore {

    private DeliveryStore() {
    }

    /**
     * Adds a pending delivery unless this event already has one for this webhook (events arrive at least
     * once). Two writers racing past the check collide on the unique key; the loser's event is redelivered.
     */
    static void insertIfAbsent(Connection c, long webhookId, DeliveredEvent event, String body, Instant now) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT 1 FROM platform_webhook_delivery WHERE webhook_id = ? AND event_id = ?", webhookId, event.id())
                .prepare(c); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                return;
            }
        }
        try (PreparedStatement ps = Sql.of("INSERT INTO platform_webhook_delivery (webhook_id, event_id, topic, aggregate_id, body, state,"
                + " attempts, total_attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?)", webhookId, event.id(),
                event.topic(), event.aggregateId(), body, DeliveryState.PENDING, now, now).prepare(c)) {
            ps.executeUpdate();
        }
    }

    /** Pending deliveries of active webhooks that are due and not being sent by a node right now, oldest due first. */
    static List<Long> due(Connection c, Instant now, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT d.id FROM platform_webhook_delivery d JOIN platform_webhook w ON w.id = d.webhook_id"
                + " WHERE d.state = ? AND d.next_attempt_at <= ? AND w.active = TRUE AND (d.claimed_until IS NULL OR d.claimed_until < ?)"
                + " ORDER BY d.next_attempt_at, d.id FETCH FIRST ? ROWS ONLY", DeliveryState.PENDING, now, now, limit).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** When the next pending delivery of an active webhook falls due (in the past: now), if there is one. */
    static Optional<Instant> nextDue(Connection c) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT MIN(d.next_attempt_at) FROM platform_webhook_delivery d JOIN platform_webhook w ON w.id = d.webhook_id"
                + " WHERE d.state = ? AND w.active = TRUE", DeliveryState.PENDING).prepare(c); ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp at = rs.getTimestamp(1);
            return Optional.ofNullable(at).map(Timestamp::toInstant);
        }
    }

    /**
     * Claims a due delivery for {@code node} until {@code until}. Optimistic: of several nodes that
     * found the same row, the one whose update matched it wins; the others update nothing.
     */
    static boolean claim(Connection c, long id, String node, Instant now, Instant until) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE platform_webhook_delivery SET claimed_by = ?, claimed_until = ? WHERE id = ? AND state = ?"
                + " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)", node, until, id, DeliveryState.PENDING, now, now)
                .prepare(c)) {
            return ps.executeUpdate() == 1;
        }
    }

    /** A delivery claimed by {@code node}, with its webhook's URL and secret. */
    static Optional<DueDelivery> claimed(Connection c, long id, String node) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT d.id, d.webhook_id, w.url, w.secret, d.event_id, d.topic, d.body, d.attempts, d.total_attempts"
                + " FROM platform_webhook_delivery d JOIN platform_webhook w ON w.id = d.webhook_id WHERE d.id = ? AND d.claimed_by = ?", id, node)
                .prepare(c); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new DueDelivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5).trim(),
                    rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9)));
        }
    }

    /**
     * Records an attempt and its consequence, releasing the claim. Nothing is written if the node no
     * longer holds the claim (it expired and another node took over, or the webhook was deleted).
     *
     * @param next the new state; {@code retryAt} applies to {@link DeliveryState#PENDING}
     */
    static boolean recordAttempt(Connection c, DueDelivery delivery, String node, AttemptOutcome outcome, Instant at, DeliveryState next,
            Instant retryAt) throws SQLException {
        boolean delivered = next == DeliveryState.DELIVERED;
        int attempts = delivered ? delivery.attempts() : delivery.attempts() + 1;
        int attempt = delivery.totalAttempts() + 1;
        try (PreparedStatement ps = Sql.of("UPDATE platform_webhook_delivery SET state = ?, attempts = ?, total_attempts = ?, next_attempt_at = ?,"
                + " claimed_by = NULL, claimed_until = NULL, last_status = ?, last_error = ?, delivered_at = ? WHERE id = ? AND claimed_by = ?", next,
                attempts, attempt, next == DeliveryState.PENDING ? retryAt : null, outcome.status(), outcome.error(), delivered ? at : null,
                delivery.id(), node).prepare(c)) {
            if (ps.executeUpdate() != 1) {
                return false;
            }
        }
        try (PreparedStatement ps = Sql.of("INSERT INTO platform_webhook_attempt (delivery_id, attempt, attempted_at, status_code, error,"
                + " duration_ms) VALUES (?, ?, ?, ?, ?, ?)", delivery.id(), attempt, at, outcome.status(), outcome.error(), outcome.durationMs())
                .prepare(c)) {
            ps.executeUpdate();
        }
        return true;
    }

    /** The webhook of a delivery and its state, if it exists. */
    static Optional<Map.Entry<Long, DeliveryState>> stateOf(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT webhook_id, state FROM platform_webhook_delivery WHERE id = ?", id).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Map.entry(rs.getLong(1), DeliveryState.valueOf(rs.getString(2)))) : Optional.empty();
        }
    }

    /** Sends a parked delivery again from the first attempt's back-off; its earlier attempts stay in the log. */
    static boolean replay(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE platform_webhook_delivery SET state = ?, attempts = 0, next_attempt_at = ?, claimed_by = NULL,"
                + " claimed_until = NULL WHERE id = ? AND state = ?", DeliveryState.PENDING, now, id, DeliveryState.PARKED).prepare(c)) {
            return ps.executeUpdate() == 1;
        }
    }

    /** A page of a webhook's delivery log, newest first, each with its attempts. */
    static List<Map<String, Object>> log(Connection c, long webhookId, Optional<DeliveryState> state, Optional<Long> before, int limit)
            throws SQLException {
        Sql query = Sql.of("SELECT id, event_id, topic, state, attempts, total_attempts, next_attempt_at, last_status, last_error, created_at,"
                + " delivered_at, aggregate_id FROM platform_webhook_delivery WHERE webhook_id = ?", webhookId);
        if (state.isPresent()) {
            query = query.and(Sql.of("state = ?", state.get()));
        }
        if (before.isPresent()) {
            query = query.and(Sql.of("id < ?", before.get()));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        Map<Long, List<Map<String, Object>>> attempts = new LinkedHashMap<>();
        try (PreparedStatement ps = query.append("ORDER BY id DESC FETCH FIRST ? ROWS ONLY", limit).prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", rs.getLong(1));
                item.put("eventId", rs.getString(2).trim());
                item.put("topic", rs.getString(3));
                item.put("aggregateId", rs.getString(12));
                item.put("state", rs.getString(4));
                item.put("attempts", rs.getInt(5));
                item.put("totalAttempts", rs.getInt(6));
                item.put("nextAttemptAt", instant(rs, 7));
                item.put("lastStatus", rs.getObject(8, Integer.class));
                item.put("lastError", rs.getString(9));
                item.put("createdAt", instant(rs, 10));
                item.put("deliveredAt", instant(rs, 11));
                List<Map<String, Object>> own = new ArrayList<>();
                item.put("attemptLog", own);
                attempts.put(rs.getLong(1), own);
                items.add(item);
            }
        }
        if (!attempts.isEmpty()) {
            Sql ofAttempts = Sql.of("SELECT delivery_id, attempt, attempted_at, status_code, error, duration_ms FROM platform_webhook_attempt")
                    .where(Sql.in("delivery_id", attempts.keySet())).append("ORDER BY delivery_id, attempt");
            try (PreparedStatement ps = ofAttempts.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> attempt = new LinkedHashMap<>();
                    attempt.put("attempt", rs.getInt(2));
                    attempt.put("at", instant(rs, 3));
                    attempt.put("status", rs.getObject(4, Integer.class));
                    attempt.put("error", rs.getString(5));
                    attempt.put("durationMs", rs.getLong(6));
                    attempts.get(rs.getLong(1)).add(attempt);
                }
            }
        }
        return items;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
