package dev.pacesetter.kernel.internal.webhooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.pacesetter.kernel.internal.events.TopicFilter;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * Administrators subscribe URLs to event topics, pause, change and delete them, read each one's
 * delivery log and replay parked deliveries. The signing secret is shown once, when it is created or
 * rotated. Every change is audited in its own transaction (without the secret).
 */
final class WebhookRoutes implements RouteProvider {

    static final int MAX_TOPICS = 20;
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final ModuleDatabase db;
    private final ActiveWebhooks active;
    private final TargetGuard guard;
    private final Clock clock;
    private final Runnable deliveriesDue;
    private final SecureRandom random = new SecureRandom();

    /** @param deliveriesDue run after a change that may make deliveries due (a replay, a webhook switched back on) */
    WebhookRoutes(ModuleDatabase db, ActiveWebhooks active, TargetGuard guard, Clock clock, Runnable deliveriesDue) {
        this.deliveriesDue = deliveriesDue;
        this.db = db;
        this.active = active;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/webhooks", request -> Reply.ok(Map.of("items", db.inTransaction(WebhookStore::all)))).returnsItems(Webhook.class).roles(Role.ADMIN)
                        .summary("Every webhook (never its secret)"),
                Route.post("/webhooks", this::create).body(WebhookInput.class).returns(NewWebhook.class).roles(Role.ADMIN)
                        .summary("Subscribe a URL to topics; the signing secret is in this response only"),
                Route.get("/webhooks/{id}", request -> Reply.ok(webhook(request.pathId("id")))).returns(Webhook.class).roles(Role.ADMIN),
                Route.put("/webhooks/{id}", this::update).body(WebhookInput.class).returns(Webhook.class).roles(Role.ADMIN).summary("Change url, topics, description; active=false pauses"),
                Route.delete("/webhooks/{id}", this::delete).roles(Role.ADMIN).summary("Delete a webhook and its delivery log"),
                Route.post("/webhooks/{id}/secret", this::rotateSecret).withoutBody().returns(RotatedSecret.class).roles(Role.ADMIN)
                        .summary("Replace the signing secret; the new one is in this response only"),
                Route.get("/webhooks/{id}/deliveries", this::deliveries).query("state", "pending, delivered or parked").query("before", Long.class, "Cursor: the nextBefore of the previous page").query("limit", Integer.class, "Page size").roles(Role.ADMIN)
                        .summary("Delivery log, newest first, with every attempt; ?state=, ?limit=, ?before="),
                Route.post("/webhooks/deliveries/{id}/replay", this::replay).withoutBody().roles(Role.ADMIN).summary("Send a parked delivery again"));
    }

    private Reply create(ApiRequest request) {
        WebhookInput input = request.body(WebhookInput.class);
        new Validation().require(input.url() != null, "url", Message.of("field.required")).require(input.topics() != null, "topics", Message.of("field.required")).orThrow();
        Instant now = clock.instant();
        Webhook candidate = new Webhook(0, checkedUrl(input.url()), checkedTopics(input.topics()), checkedDescription(input.description()),
                input.active() == null || input.active(), now, now);
        String secret = WebhookSignature.newSecret(random);
        Webhook created = db.inTransaction(c -> {
            long id = WebhookStore.insert(c, candidate, secret, request.caller().orElseThrow().userId());
            Webhook webhook = WebhookStore.find(c, id).orElseThrow();
            db.audit(c, AuditRecord.of(request, "webhooks", id, "create").after(webhook));
            return webhook;
        });
        active.changed();
        return Reply.created("/api/v1/webhooks/" + created.id(), NewWebhook.of(created, secret));
    }

    private Reply update(ApiRequest request) {
        long id = request.pathId("id");
        WebhookInput input = request.body(WebhookInput.class);
        String url = input.url() == null ? null : checkedUrl(input.url());
        List<String> topics = input.topics() == null ? null : checkedTopics(input.topics());
        String description = input.description() == null ? null : checkedDescription(input.description());
        Webhook updated = db.inTransaction(c -> {
            Webhook before = WebhookStore.find(c, id).orElseThrow(() -> notFound(id));
            Webhook after = new Webhook(id, url == null ? before.url() : url, topics == null ? before.topics() : topics,
                    input.description() == null ? before.description() : description, input.active() == null ? before.active() : input.active(),
                    before.createdAt(), clock.instant());
            WebhookStore.update(c, after);
            Webhook stored = WebhookStore.find(c, id).orElseThrow();
            db.audit(c, AuditRecord.of(request, "webhooks", id, after.active() == before.active() ? "update" : after.active() ? "resume" : "pause")
                    .before(before).after(stored));
            if (after.active() && !before.active()) {
                db.afterCommit(c, deliveriesDue); // what waited while it was paused is due now
            }
            return stored;
        });
        active.changed();
        return Reply.ok(updated);
    }

    private Reply delete(ApiRequest request) {
        long id = request.pathId("id");
        db.inTransaction(c -> {
            Webhook before = WebhookStore.find(c, id).orElseThrow(() -> notFound(id));
            WebhookStore.delete(c, id);
            db.audit(c, AuditRecord.of(request, "webhooks", id, "delete").before(before));
            return null;
        });
        active.changed();
        return Reply.noContent();
    }

    private Reply rotateSecret(ApiRequest request) {
        long id = request.pathId("id");
        String secret = WebhookSignature.newSecret(random);
        Instant now = clock.instant();
        db.inTransaction(c -> {
            WebhookStore.find(c, id).orElseThrow(() -> notFound(id));
            WebhookStore.rotateSecret(c, id, secret, now);
            db.audit(c, AuditRecord.of(request, "webhooks", id, "rotate-secret"));
            return null;
        });
        return Reply.ok(new RotatedSecret(id, secret, now));
    }

    private Reply deliveries(ApiRequest request) {
        long id = request.pathId("id");
        DeliveryLogQuery query = DeliveryLogQuery.of(request, DEFAULT_LIMIT, MAX_LIMIT);
        List<Map<String, Object>> items = db.inTransaction(c -> {
            WebhookStore.find(c, id).orElseThrow(() -> notFound(id));
            return DeliveryStore.log(c, id, query.state(), query.before(), query.limit() + 1);
        });
        boolean more = items.size() > query.limit();
        List<Map<String, Object>> page = more ? items.subList(0, query.limit()) : items;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page);
        body.put("nextBefore", more ? page.get(page.size() - 1).get("id") : null);
        return Reply.ok(body);
    }

    private Reply replay(ApiRequest request) {
        long id = request.pathId("id");
        Instant now = clock.instant();
        long webhookId = db.inTransaction(c -> {
            Map.Entry<Long, DeliveryState> found = DeliveryStore.stateOf(c, id)
                    .orElseThrow(() -> ApiException.notFound(Message.of("error.webhook_delivery.not_found", id)));
            if (!DeliveryStore.replay(c, id, now)) {
                throw ApiException.conflict("not_parked", Message.of("error.not_parked", id, found.getValue().name().toLowerCase(Locale.ROOT)), Map.of("state", found.getValue().name()));
            }
            db.audit(c, AuditRecord.of(request, "webhook-deliveries", id, "replay").after(Map.of("webhookId", found.getKey(), "state", "PENDING")));
            db.afterCommit(c, deliveriesDue);
            return found.getKey();
        });
        return Reply.accepted(Map.of("id", id, "webhookId", webhookId, "state", DeliveryState.PENDING.name()));
    }

    private Webhook webhook(long id) {
        return db.inTransaction(c -> WebhookStore.find(c, id)).orElseThrow(() -> notFound(id));
    }

    /** Syntax first (400), then the SSRF rule (422). */
    private String checkedUrl(String url) {
        try {
            TargetGuard.wellFormed(url);
            return guard.check(url).toString();
        } catch (TargetRefused refused) {
            List<FieldError> fields = List.of(new FieldError("url", refused.text()));
            if (refused.malformed()) {
                throw ApiException.invalidFields(fields);
            }
            throw ApiException.unprocessable("target_refused", Message.of("error.target_refused", refused.text()), Map.of("fields", fields));
        }
    }

    private static List<String> checkedTopics(List<String> topics) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(topics));
        Validation validation = new Validation().require(!unique.isEmpty() && unique.size() <= MAX_TOPICS, "topics",
                Message.of("field.topics.count", MAX_TOPICS));
        if (unique.contains(null)) {
            validation.require(false, "topics", Message.of("field.topics.null"));
        } else if (validation.isValid()) {
            try {
                new TopicFilter(new LinkedHashSet<>(unique));
            } catch (IllegalArgumentException e) {
                validation.require(false, "topics", Message.of("field.topics.invalid", String.valueOf(e.getMessage())));
            }
        }
        validation.orThrow();
        return unique;
    }

    private static String checkedDescription(String description) {
        new Validation().require(description == null || description.length() <= 200, "description", Message.of("field.max_length", 200)).orThrow();
        return description == null || description.isBlank() ? null : description.trim();
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound(Message.of("error.webhook.not_found", id));
    }
}
