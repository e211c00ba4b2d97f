package dev.pacesetter.kernel.internal.notify;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.pacesetter.kernel.internal.i18n.MessageCatalogs;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * Each user's own inbox: unread first, newest first, paged; mark read one by one or all at once.
 * Notifications a user asked to get by e-mail only are not in it.
 */
public final class NotificationRoutes implements RouteProvider {

    /** One notification in the reader's language; {@code severity} is INFO, WARNING or RED. */
    public record NotificationView(long id, String module, String kind, String severity, String title, String body, String link, String rule,
            Instant createdAt, Instant readAt, boolean unread) {
    }

    /** A page of the inbox; it pages by number ({@code ?page=}), {@code hasMore} saying whether another follows. */
    public record Inbox(List<NotificationView> items, int page, boolean hasMore, long unread) {
    }

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    private final ModuleDatabase db;
    private final Clock clock;
    private final InboxTexts texts;

    public NotificationRoutes(ModuleDatabase db, Clock clock, MessageCatalogs catalogs) {
        this.db = db;
        this.clock = clock;
        this.texts = new InboxTexts(catalogs);
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/notifications", this::inbox).returns(Inbox.class).query("unread", Boolean.class, "true: only unread notifications").query("page", Integer.class, "Page number, from 1").query("size", Integer.class, "Page size").summary("My notifications, unread first; ?unread=true, ?page=, ?size="),
                Route.get("/notifications/unread-count", request -> Reply.ok(Map.of("unread", unread(request)))),
                Route.post("/notifications/{id}/read", this::markRead).withoutBody().summary("Mark one of my notifications read"),
                Route.post("/notifications/read-all", this::markAllRead).withoutBody().summary("Mark all my notifications read"));
    }

    private Reply inbox(ApiRequest request) {
        long user = request.caller().orElseThrow().userId();
        boolean onlyUnread = request.queryParam("unread").map(Boolean::parseBoolean).orElse(false);
        int page = intParam(request, "page", 1, 1, 100_000);
        int size = intParam(request, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        Sql query = Sql.of("SELECT id, module_id, kind, severity, title, body, link, rule, created_at, read_at, title_message, body_message,"
                + " rule_message FROM platform_notification WHERE user_id = ? AND in_inbox = TRUE", user);
        Language language = request.language();
        if (onlyUnread) {
            query = query.append("AND read_at IS NULL");
        }
        Sql paged = query.append("ORDER BY CASE WHEN read_at IS NULL THEN 0 ELSE 1 END, id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
                (long) (page - 1) * size, size + 1);
        List<NotificationView> items = db.inTransaction(c -> {
            List<NotificationView> rows = new ArrayList<>();
            try (PreparedStatement ps = paged.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs, language));
                }
            }
            return rows;
        });
        boolean more = items.size() > size;
        return Reply.ok(new Inbox(more ? items.subList(0, size) : items, page, more, unread(request)));
    }

    private long unread(ApiRequest request) {
        long user = request.caller().orElseThrow().userId();
        return db.inTransaction(c -> {
            try (PreparedStatement ps = Sql.of("SELECT COUNT(*) FROM platform_notification WHERE user_id = ? AND in_inbox = TRUE AND read_at IS NULL",
                    user).prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private Reply markRead(ApiRequest request) {
        long id = request.pathId("id");
        long user = request.caller().orElseThrow().userId();
        boolean found = db.inTransaction(c -> {
            try (PreparedStatement ps = Sql.of("SELECT 1 FROM platform_notification WHERE id = ? AND user_id = ? AND in_inbox = TRUE", id, user).prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false; // someone else's notification answers exactly like one that does not exist
                }
            }
            try (PreparedStatement ps = Sql.of("UPDATE platform_notification SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
                    clock.instant(), id, user).prepare(c)) {
                ps.executeUpdate();
            }
            return true;
        });
        if (!found) {
            throw ApiException.notFound(Message.of("error.notification.not_found", id));
        }
        return Reply.ok(Map.of("id", id, "read", true, "unread", unread(request)));
    }

    private Reply markAllRead(ApiRequest request) {
        long user = request.caller().orElseThrow().userId();
        int marked = db.inTransaction(c -> {
            try (PreparedStatement ps = Sql.of("UPDATE platform_notification SET read_at = ? WHERE user_id = ? AND in_inbox = TRUE AND read_at IS NULL",
                    clock.instant(),
                    user).prepare(c)) {
                return ps.executeUpdate();
            }
        });
        return Reply.ok(Map.of("marked", marked, "unread", 0));
    }

    private NotificationView row(ResultSet rs, Language language) throws SQLException {
        String module = rs.getString(2);
        Timestamp read = rs.getTimestamp(10);
        return new NotificationView(rs.getLong(1), module, rs.getString(3), rs.getString(4), texts.text(module, rs.getString(11), rs.getString(5), language),
                texts.text(module, rs.getString(12), rs.getString(6), language), rs.getString(7),
                texts.text(module, rs.getString(13), rs.getString(8), language), rs.getTimestamp(9).toInstant(), read == null ? null : read.toInstant(),
                read == null);
    }

    private static int intParam(ApiRequest request, String name, int fallback, int min, int max) {
        String raw = request.queryParam(name).orElse(null);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalidFields(List.of(new FieldError(name, Message.of("field.int_range", min, max))));
    }
}
