package dev.pacesetter.platform.api.events;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A domain event to publish: a topic such as {@code leads/lead.converted}, the aggregate it is about
 * (events of one aggregate reach every subscriber in the order they were published), the region it
 * belongs to, and a JSON-serialisable payload. Immutable.
 */
public final class OutgoingEvent {

    /** {@code module/name}: lower-case letters, digits, {@code -}, {@code _} and {@code .}. */
    public static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9-]{0,39}/[a-z][a-z0-9_.-]{0,79}");

    private final String topic;
    private final String aggregateId;
    private final Long regionId;
    private final Object payload;

    private OutgoingEvent(String topic, String aggregateId, Long regionId, Object payload) {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("topic must look like 'leads/lead.converted': " + topic);
        }
        if (aggregateId == null || aggregateId.isBlank() || aggregateId.length() > 100) {
            throw new IllegalArgumentException("aggregateId must be 1-100 characters: " + aggregateId);
        }
        this.topic = topic;
        this.aggregateId = aggregateId;
        this.regionId = regionId;
        this.payload = Objects.requireNonNull(payload, "payload");
    }

    /**
     * @param aggregateId the record the event is about, e.g. the lead's id
     * @param payload a record, map or bean the kernel serialises to JSON
     */
    public static OutgoingEvent of(String topic, Object aggregateId, Object payload) {
        return new OutgoingEvent(topic, aggregateId == null ? null : aggregateId.toString(), null, payload);
    }

    /** A copy that belongs to {@code regionId} (subscribers and jobs use it to skip regions a module is off for). */
    public OutgoingEvent inRegion(long regionId) {
        return new OutgoingEvent(topic, aggregateId, regionId, payload);
    }

    public String topic() {
        return topic;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public Optional<Long> regionId() {
        return Optional.ofNullable(regionId);
    }

    public Object payload() {
        return payload;
    }
}
