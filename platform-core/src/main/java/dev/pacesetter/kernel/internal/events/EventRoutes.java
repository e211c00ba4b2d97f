package dev.pacesetter.kernel.internal.events;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.EventSubscriber;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.i18n.Message;

/** Administrators watch event delivery: each subscriber's progress, and the events parked after failing. */
public final class EventRoutes implements RouteProvider {

    private final EventDelivery delivery;
    private final ModuleDatabase db;
    private final Clock clock;

    public EventRoutes(EventDelivery delivery, ModuleDatabase db, Clock clock) {
        this.delivery = delivery;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/events/subscribers", this::subscribers).roles(Role.ADMIN)
                        .summary("Every event subscriber: position, lag, failures, last error, the node delivering to it"),
                Route.get("/events/parked", this::parked).query("all", Boolean.class, "true: replayed ones too").roles(Role.ADMIN).summary("Events a subscriber gave up on, newest first"),
                Route.post("/events/parked/{id}/replay", this::replay).withoutBody().roles(Role.ADMIN)
                        .summary("Deliver a parked event again to its subscriber, now"));
    }

    private Reply subscribers(ApiRequest request) {
        return Reply.ok(db.inTransaction(c -> {
            long last = EventStore.lastPosition(c);
            List<Map<String, Object>> items = new ArrayList<>();
            for (EventStore.Cursor cursor : EventStore.cursors(c)) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", cursor.subscriber());
                item.put("position", cursor.position());
                item.put("lag", Math.max(0, last - cursor.position()));
                item.put("delivered", cursor.delivered());
                item.put("failures", cursor.failures());
                item.put("retryAt", cursor.retryAt());
                item.put("lastError", cursor.lastError());
                item.put("node", cursor.leaseOwner());
                item.put("runsHere", delivery.local(cursor.subscriber()).isPresent());
                items.add(item);
            }
            return Map.of("items", items, "lastPosition", last, "node", delivery.node());
        }));
    }

    private Reply parked(ApiRequest request) {
        boolean all = request.queryParam("all").map(Boolean::parseBoolean).orElse(false);
        Sql query = Sql.of("SELECT p.id, p.subscriber, p.attempts, p.error, p.parked_at, p.replayed_at, e.id, e.topic, e.aggregate_id, e.module_id"
                + " FROM platform_event_parked p JOIN platform_event e ON e.seq = p.event_seq"
                + (all ? "" : " WHERE p.replayed_at IS NULL") + " ORDER BY p.id DESC FETCH FIRST 200 ROWS ONLY");
        return Reply.ok(Map.of("items", db.inTransaction(c -> {
            List<Map<String, Object>> items = new ArrayList<>();
            try (PreparedStatement ps = query.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", rs.getLong(1));
                    item.put("subscriber", rs.getString(2));
                    item.put("attempts", rs.getInt(3));
                    item.put("error", rs.getString(4));
                    item.put("parkedAt", rs.getTimestamp(5).toInstant());
                    Timestamp replayed = rs.getTimestamp(6);
                    item.put("replayedAt", replayed == null ? null : replayed.toInstant());
                    item.put("eventId", rs.getString(7));
                    item.put("topic", rs.getString(8));
                    item.put("aggregateId", rs.getString(9));
                    item.put("module", rs.getString(10));
                    items.add(item);
                }
            }
            return items;
        })));
    }

    private Reply replay(ApiRequest request) {
        long id = request.pathId("id");
        record Parked(String subscriber, long eventSeq, int attempts) {
        }
        Parked parked = db.inTransaction(c -> {
            try (PreparedStatement ps = Sql.of("SELECT subscriber, event_seq, attempts FROM platform_event_parked WHERE id = ? AND replayed_at IS NULL",
                    id).prepare(c); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Parked(rs.getString(1), rs.getLong(2), rs.getInt(3)) : null;
            }
        });
        if (parked == null) {
            throw ApiException.notFound(Message.of("error.event.not_found", id));
        }
        EventSubscriber subscriber = delivery.local(parked.subscriber()).orElseThrow(() -> ApiException.conflict("subscriber_not_here",
                Message.of("error.subscriber_not_here", parked.subscriber()), null));
        StoredEvent event = db.inTransaction(c -> EventStore.bySeq(c, parked.eventSeq(), delivery.json())).orElseThrow()
                .withAttempt(parked.attempts() + 1);
        try {
            subscriber.handle(event);
        } catch (Exception | LinkageError e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            db.inTransaction(c -> {
                try (PreparedStatement ps = Sql.of("UPDATE platform_event_parked SET attempts = attempts + 1, error = ? WHERE id = ?",
                        EventStore.clip(message), id).prepare(c)) {
                    return ps.executeUpdate();
                }
            });
            throw ApiException.conflict("replay_failed", Message.of("error.replay_failed", message),
                    Map.of("subscriber", parked.subscriber()));
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = Sql.of("UPDATE platform_event_parked SET replayed_at = ? WHERE id = ?", clock.instant(), id).prepare(c)) {
                ps.executeUpdate();
            }
            db.audit(c, AuditRecord.of(request, "events", id, "replay").after(Map.of("subscriber", parked.subscriber(), "eventId", event.id())));
            return null;
        });
        return Reply.ok(Map.of("id", id, "subscriber", parked.subscriber(), "eventId", event.id(), "replayed", true));
    }
}
