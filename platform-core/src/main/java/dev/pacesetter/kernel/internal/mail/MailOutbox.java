package dev.pacesetter.kernel.internal.mail;

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

/**
 * The e-mail outbox table. Rows are written on the notifying transaction's connection, so a mail exists
 * only if the change that raised it committed. Senders claim rows with a lease: an optimistic
 * {@code UPDATE … WHERE claimed_until < now} that only one node can win, so two nodes never send the
 * same mail while both are alive; a node that dies mid-send leaves its claim to expire.
 */
public final class MailOutbox {

    /** Where a mail is: waiting (perhaps for a retry), sent, or given up on. */
    public enum State {
        QUEUED, SENT, PARKED
    }

    private MailOutbox() {
    }

    /** Queues a mail on the notifying transaction's connection. */
    public static void enqueue(Connection c, long notificationId, long userId, String module, String kind, String recipient, MailContent content,
            Instant now) throws SQLException {
        try (PreparedStatement ps = Sql.of("INSERT INTO platform_mail_outbox (notification_id, user_id, module_id, kind, recipient, subject, body,"
                + " state, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", notificationId, userId, module, kind,
                recipient, content.subject(), content.text(), State.QUEUED.name(), now, now).prepare(c)) {
            ps.executeUpdate();
        }
    }

    /** Claims up to {@code max} mails that are due and not held by a live claim; the ones this node won. */
    /** When the next queued mail falls due (in the past: now), if there is one. */
    static Optional<Instant> nextDue(Connection c) throws SQLException {
        try (PreparedStatement ps = Sql.of("SELECT MIN(next_attempt_at) FROM platform_mail_outbox WHERE state = ?", State.QUEUED.name()).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant);
        }
    }

    static List<OutboxMail> claim(Connection c, String node, Instant now, Instant until, int max) throws SQLException {
        List<OutboxMail> due = new ArrayList<>();
        try (PreparedStatement ps = Sql.of("SELECT id, kind, recipient, subject, body, attempts FROM platform_mail_outbox"
                + " WHERE state = ? AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                + " ORDER BY next_attempt_at, id FETCH FIRST ? ROWS ONLY", State.QUEUED.name(), now, now, max).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                due.add(new OutboxMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6)));
            }
        }
        List<OutboxMail> won = new ArrayList<>();
        for (OutboxMail mail : due) {
            // re-checked under the row lock: a node that claimed it since the SELECT makes this update match nothing
            try (PreparedStatement ps = Sql.of("UPDATE platform_mail_outbox SET claimed_by = ?, claimed_until = ? WHERE id = ? AND state = ?"
                    + " AND (claimed_until IS NULL OR claimed_until < ?)", node, until, mail.id(), State.QUEUED.name(), now).prepare(c)) {
                if (ps.executeUpdate() == 1) {
                    won.add(mail);
                }
            }
        }
        return won;
    }

    static void sent(Connection c, OutboxMail mail, String node, Instant now) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE platform_mail_outbox SET state = ?, attempts = ?, sent_at = ?, last_error = NULL,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?", State.SENT.name(), mail.attempts() + 1, now, mail.id(), node)
                .prepare(c)) {
            ps.executeUpdate();
        }
    }

    /** Records a failed attempt: the mail is retried at {@code retryAt}, or parked (at {@code now}) when that is empty. */
    static void failed(Connection c, OutboxMail mail, String node, Optional<Instant> retryAt, Instant now, String error) throws SQLException {
        State state = retryAt.isPresent() ? State.QUEUED : State.PARKED;
        try (PreparedStatement ps = Sql.of("UPDATE platform_mail_outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?", state.name(), mail.attempts() + 1, retryAt.orElse(now),
                clip(error), mail.id(), node).prepare(c)) {
            ps.executeUpdate();
        }
    }

    /** Gives up this node's claims on mails it has not sent (shutdown), so another node or the next start sends them at once. */
    static int release(Connection c, String node) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE platform_mail_outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ? AND state = ?",
                node, State.QUEUED.name()).prepare(c)) {
            return ps.executeUpdate();
        }
    }

    /** Puts a parked mail back in the queue, due now, with its attempts reset; false if {@code id} is not a parked mail. */
    static boolean requeue(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement ps = Sql.of("UPDATE platform_mail_outbox SET state = ?, attempts = 0, next_attempt_at = ? WHERE id = ? AND state = ?",
                State.QUEUED.name(), now, id, State.PARKED.name()).prepare(c)) {
            return ps.executeUpdate() == 1;
        }
    }

    /** How many mails are in each state. */
    static Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (State state : State.values()) {
            counts.put(state.name(), 0L);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM platform_mail_outbox GROUP BY state");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** Mails for operators, newest first: never the body, which is the recipient's business. */
    static List<Map<String, Object>> list(Connection c, Optional<State> state, int limit) throws SQLException {
        Sql query = Sql.of("SELECT id, user_id, recipient, module_id, kind, subject, state, attempts, next_attempt_at, last_error, created_at, sent_at"
                + " FROM platform_mail_outbox");
        if (state.isPresent()) {
            query = query.append("WHERE state = ?", state.get().name());
        }
        List<Map<String, Object>> items = new ArrayList<>();
        try (PreparedStatement ps = query.append("ORDER BY id DESC FETCH FIRST ? ROWS ONLY", limit).prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", rs.getLong(1));
                item.put("userId", rs.getLong(2));
                item.put("recipient", rs.getString(3));
                item.put("module", rs.getString(4));
                item.put("kind", rs.getString(5));
                item.put("subject", rs.getString(6));
                item.put("state", rs.getString(7));
                item.put("attempts", rs.getInt(8));
                item.put("nextAttemptAt", instant(rs, 9));
                item.put("lastError", rs.getString(10));
                item.put("createdAt", instant(rs, 11));
                item.put("sentAt", instant(rs, 12));
                items.add(item);
            }
        }
        return items;
    }

    static String clip(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
