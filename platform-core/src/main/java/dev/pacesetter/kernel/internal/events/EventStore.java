package dev.pacesetter.kernel.internal.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.OutgoingEvent;

/** The outbox, the sequence and the subscribers' cursors; every method works on the caller's connection. */
final class EventStore {

    static final String EVENT_COLUMNS = "e.seq, e.position, e.id, e.module_id, e.topic, e.aggregate_id, e.region_id, e.payload, e.occurred_at";

    /** A subscriber's place in the stream. */
    record Cursor(String subscriber, long position, int failures, Instant retryAt, String lastError, String leaseOwner, Instant leaseUntil,
            long delivered) {
    }

    private EventStore() {
    }

    static final String INSERT = "INSERT INTO platform_event (id, module_id, topic, aggregate_id, region_id, payload, occurred_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    static void bindInsert(PreparedStatement ps, String id, String module, OutgoingEvent event, String payload, Instant at)
            throws SQLException {
        ps.setString(1, id);
        ps.setString(2, module);
        ps.setString(3, event.topic());
        ps.setString(4, event.aggregateId());
        ps.setObject(5, event.regionId().orElse(null), java.sql.Types.BIGINT);
        ps.setString(6, payload);
        ps.setTimestamp(7, Timestamp.from(at));
    }

    /**
     * Numbers committed events that have no position yet, in the order they became visible; the row
     * lock on the sequence makes concurrent sequencers (other nodes) wait. Run in a transaction.
     *
     * @return how many events were numbered
     */
    /**
     * What one sequencing round numbered: how many events and their topics; {@link #anything()} stands for "unknown,
     * look at everything" (another node numbered them).
     */
    record Numbered(int count, Set<String> topics) {

        private static final Numbered NOTHING = new Numbered(0, Set.of());

        static Numbered anything() {
            return new Numbered(0, null);
        }

        boolean concerns(TopicFilter filter) {
            return topics == null || topics.stream().anyMatch(filter::matches);
        }
    }

    static Numbered sequence(Connection c, int limit) throws SQLException {
        long last;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_position FROM platform_event_sequence WHERE id = 1 FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            last = rs.getLong(1);
        }
        List<Long> pending = new ArrayList<>();
        Set<String> topics = new HashSet<>();
        try (PreparedStatement ps = Sql.of("SELECT seq, topic FROM platform_event WHERE position IS NULL ORDER BY seq FETCH FIRST ? ROWS ONLY", limit)
                .prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                pending.add(rs.getLong(1));
                topics.add(rs.getString(2));
            }
        }
        if (pending.isEmpty()) {
            return Numbered.NOTHING;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE platform_event SET position = ? WHERE seq = ?")) {
            for (long seq : pending) {
                ps.setLong(1, ++last);
                ps.setLong(2, seq);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = Sql.of("UPDATE platform_event_sequence SET last_position = ? WHERE id = 1", last).prepare(c)) {
            ps.executeUpdate();
        }
        return new Numbered(pending.size(), topics);
    }

    static long lastPosition(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_position FROM platform_event_sequence WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Positioned events after {@code position} that {@code filter} lets through, oldest first. */
    static List<StoredEvent> after(Connection c, long position, TopicFilter filter, int limit, JsonCodec json) throws SQLException {
        Sql query = Sql.of("SELECT " + EVENT_COLUMNS + " FROM platform_event e WHERE e.position > ?", position)
                .and(filter.condition("e.topic")).append("ORDER BY e.position FETCH FIRST ? ROWS ONLY", limit);
        List<StoredEvent> events = new ArrayList<>();
        try (PreparedStatement ps = query.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                events.add(read(rs, json));
            }
        }
        return events;
    }

    static Optional<StoredEvent> bySeq(Connection c, long seq, JsonCodec json) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT " + EVENT_COLUMNS + " FROM platform_event e WHERE e.seq = ?", seq).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(read(rs, json)) : Optional.empty();
        }
    }

    /** Creates the cursor of a subscriber seen for the first time, at the current end of the stream. */
    static void createCursorIfAbsent(Connection c, String subscriber) throws SQLException {
        try (PreparedStatement ps = Sql.of("INSERT INTO platform_event_cursor (subscriber, position, failures, delivered)"
                + " SELECT ?, (SELECT last_position FROM platform_event_sequence WHERE id = 1), 0, 0"
                + " WHERE NOT EXISTS (SELECT 1 FROM platform_event_cursor WHERE subscriber = ?)", subscriber, subscriber).prepare(c)) {
            ps.executeUpdate();
        }
    }

    /** Takes or extends the lease on a subscriber's cursor; the cursor if this node now holds it. */
    static Optional<Cursor> claim(Connection c, String subscriber, String node, Instant now, Instant until) throws SQLException {
        int claimed;
        try (PreparedStatement ps = Sql.of("UPDATE platform_event_cursor SET lease_owner = ?, lease_until = ? WHERE subscriber = ?"
                + " AND (lease_owner = ? OR lease_owner IS NULL OR lease_until < ?)", node, until, subscriber, node, now).prepare(c)) {
            claimed = ps.executeUpdate();
        }
        return claimed == 1 ? cursor(c, subscriber) : Optional.empty();
    }

    static void release(Connection c, String subscriber, String node) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE platform_event_cursor SET lease_owner = NULL, lease_until = NULL WHERE subscriber = ?"
                + " AND lease_owner = ?", subscriber, node).prepare(c)) {
            ps.executeUpdate();
        }
    }

    /** Records progress; false if this node lost the lease meanwhile (then nothing is written). */
    static boolean advance(Connection c, String subscriber, String node, long position, int failures, Instant retryAt, String error,
            long deliveredNow) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE platform_event_cursor SET position = ?, failures = ?, retry_at = ?, last_error = ?,"
                + " delivered = delivered + ? WHERE subscriber = ? AND lease_owner = ?", position, failures, retryAt, clip(error),
                deliveredNow, subscriber, node).prepare(c)) {
            return ps.executeUpdate() == 1;
        }
    }

    static void park(Connection c, String subscriber, StoredEvent event, int attempts, String error, Instant now) throws SQLException {
        try (PreparedStatement ps = Sql.of("INSERT INTO platform_event_parked (subscriber, event_seq, attempts, error, parked_at)"
                + " VALUES (?, ?, ?, ?, ?)", subscriber, event.seq(), attempts, clip(error), now).prepare(c)) {
            ps.executeUpdate();
        }
    }

    static List<Cursor> cursors(Connection c) throws SQLException {
        List<Cursor> cursors = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT subscriber FROM platform_event_cursor ORDER BY subscriber");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                cursors.add(cursor(c, rs.getString(1)).orElseThrow());
            }
        }
        return cursors;
    }

    static Optional<Cursor> cursor(Connection c, String subscriber) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT subscriber, position, failures, retry_at, last_error, lease_owner, lease_until, delivered"
                + " FROM platform_event_cursor WHERE subscriber = ?", subscriber).prepare(c); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Cursor(rs.getString(1), rs.getLong(2), rs.getInt(3), instant(rs, 4), rs.getString(5), rs.getString(6),
                    instant(rs, 7), rs.getLong(8)));
        }
    }

    private static StoredEvent read(ResultSet rs, JsonCodec json) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, Long.class), rs.getString(8), rs.getTimestamp(9).toInstant(), 1, json);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
