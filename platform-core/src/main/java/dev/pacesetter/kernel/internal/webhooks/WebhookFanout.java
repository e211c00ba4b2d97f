package dev.pacesetter.kernel.internal.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.events.DeliveredEvent;
import dev.pacesetter.platform.api.events.EventSubscriber;

/**
 * The platform's own event subscriber: turns each event into one pending delivery per active webhook
 * whose topics match it, in one transaction. It only writes rows, so a slow or dead receiver never holds
 * up the event stream; the {@link DeliveryDispatcher} sends them.
 */
final class WebhookFanout implements EventSubscriber {

    static final String NAME = "platform.webhooks";

    private final ModuleDatabase db;
    private final ActiveWebhooks active;
    private final JsonCodec json;
    private final Clock clock;
    private final Runnable deliveriesWritten;

    /** @param deliveriesWritten run once the deliveries of an event have committed */
    WebhookFanout(ModuleDatabase db, ActiveWebhooks active, JsonCodec json, Clock clock, Runnable deliveriesWritten) {
        this.db = db;
        this.active = active;
        this.json = json;
        this.clock = clock;
        this.deliveriesWritten = deliveriesWritten;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of("*");
    }

    @Override
    public void handle(DeliveredEvent event) {
        List<ActiveWebhooks.Matcher> matching = active.current().stream().filter(webhook -> webhook.filter().matches(event.topic())).toList();
        if (matching.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String body = body(event);
        db.inTransaction(c -> {
            for (ActiveWebhooks.Matcher webhook : matching) {
                DeliveryStore.insertIfAbsent(c, webhook.id(), event, body, now);
            }
            db.afterCommit(c, deliveriesWritten);
            return null;
        });
    }

    /** What a receiver gets: the event's envelope with the publisher's payload inside, rendered once. */
    String body(DeliveredEvent event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", event.id());
        envelope.put("topic", event.topic());
        envelope.put("module", event.module());
        envelope.put("aggregateId", event.aggregateId());
        envelope.put("regionId", event.regionId().orElse(null));
        envelope.put("occurredAt", event.occurredAt().toString());
        envelope.put("payload", json.parse(event.payloadJson()));
        return json.writeString(envelope);
    }
}
