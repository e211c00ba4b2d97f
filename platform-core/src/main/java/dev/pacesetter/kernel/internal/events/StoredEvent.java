package dev.pacesetter.kernel.internal.events;

import java.time.Instant;
import java.util.Optional;

import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.platform.api.events.DeliveredEvent;

/** One event read back from the outbox, as a subscriber receives it. */
record StoredEvent(long seq, long position, String id, String module, String topic, String aggregateId, Long region, String payloadJson,
        Instant occurredAt, int attempt, JsonCodec json) implements DeliveredEvent {

    StoredEvent withAttempt(int number) {
        return new StoredEvent(seq, position, id, module, topic, aggregateId, region, payloadJson, occurredAt, number, json);
    }

    @Override
    public Optional<Long> regionId() {
        return Optional.ofNullable(region);
    }

    @Override
    public <T> T payload(Class<T> type) {
        return json.readLenient(payloadJson, type);
    }

    @Override
    public String toString() {
        return "event " + id + " " + topic + " (" + aggregateId + ")";
    }
}
