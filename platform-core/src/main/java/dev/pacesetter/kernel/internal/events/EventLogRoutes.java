package dev.pacesetter.kernel.internal.events;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.OutgoingEvent;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * {@code GET /api/v1/events}: administrators (and test kits) read the event log in delivery order, optionally one topic
 * ({@code leads/lead.created}) or one module's ({@code leads/*}), from a position on, with each payload.
 */
public final class EventLogRoutes implements RouteProvider {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final Pattern MODULE_TOPICS = Pattern.compile("[a-z][a-z0-9-]{0,39}/\\*");

    private final ModuleDatabase db;
    private final JsonCodec json;

    public EventLogRoutes(ModuleDatabase db, JsonCodec json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/events", this::list).query("topic", "Only events of this topic").query("after", Long.class, "Cursor: events after this id").query("limit", Long.class, "Page size").roles(Role.ADMIN)
                .summary("Events in delivery order with their payloads; filters topic (leads/lead.created or leads/*), after (a position);"
                        + " paged with limit (1-500, default 100) and nextAfter"));
    }

    private Reply list(ApiRequest request) {
        Validation v = new Validation();
        String topic = request.queryParam("topic").orElse(null);
        v.require(topic == null || OutgoingEvent.TOPIC.matcher(topic).matches() || MODULE_TOPICS.matcher(topic).matches(), "topic",
                Message.of("field.event_topic"));
        long after = v.longParam(request, "after").orElse(0L);
        v.require(after >= 0, "after", Message.of("field.int_range", 0, Long.MAX_VALUE));
        int limit = v.intParam(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        v.orThrow();
        Sql query = Sql.of("SELECT position, id, module_id, topic, aggregate_id, region_id, occurred_at, payload FROM platform_event"
                + " WHERE position > ?", after);
        if (topic != null) {
            query = topic.endsWith("/*") ? query.and(Sql.of("topic LIKE ?", topic.substring(0, topic.length() - 1) + "%"))
                    : query.and(Sql.of("topic = ?", topic));
        }
        Sql page = query.append("ORDER BY position FETCH FIRST ? ROWS ONLY", limit);
        List<Map<String, Object>> items = db.inTransaction(c -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement ps = page.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("position", rs.getLong(1));
                    item.put("id", rs.getString(2).trim());
                    item.put("module", rs.getString(3));
                    item.put("topic", rs.getString(4));
                    item.put("aggregateId", rs.getString(5));
                    item.put("regionId", rs.getObject(6, Long.class));
                    item.put("occurredAt", rs.getTimestamp(7).toInstant().toString());
                    item.put("payload", json.parse(rs.getString(8)));
                    rows.add(item);
                }
            }
            return rows;
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("nextAfter", items.size() == limit ? items.get(items.size() - 1).get("position") : null);
        return Reply.ok(body);
    }
}
