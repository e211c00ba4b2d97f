package dev.pacesetter.platform.api.events;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** An event as a subscriber receives it. Implemented by the kernel. */
@ProviderType
public interface DeliveredEvent {

    /** Unique and stable across redeliveries: record it to handle each event once. */
    String id();

    String topic();

    /** The module that published it. */
    String module();

    String aggregateId();

    Optional<Long> regionId();

    Instant occurredAt();

    /** 1 on the first delivery to this subscriber, higher on retries. */
    int attempt();

    /** The payload as JSON text. */
    String payloadJson();

    /**
     * The payload bound to {@code type} (unknown fields are ignored, so publishers may add fields).
     *
     * @throws IllegalArgumentException if the payload does not fit {@code type}
     */
    <T> T payload(Class<T> type);
}
