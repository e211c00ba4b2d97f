package dev.pacesetter.platform.api.events;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives domain events; register it as a service (whiteboard). Each subscriber has its own durable
 * position in the event stream, so a slow or failing one holds up no other.
 *
 * <p>Delivery is at least once: after a crash an event may arrive again, with the same
 * {@link DeliveredEvent#id()}. A handler that throws is retried with back-off (1 s, 2 s, 4 s, …);
 * after {@value #MAX_ATTEMPTS} attempts the event is parked — visible to administrators at
 * {@code GET /api/v1/events/parked}, replayable — and the subscriber moves on.
 *
 * <p>A subscriber seen for the first time starts with events published from then on.
 */
@ConsumerType
public interface EventSubscriber {

    /** Attempts before an event is parked. */
    int MAX_ATTEMPTS = 5;

    /** A stable, unique name, e.g. {@code pipeline.accounts-from-leads}; its position is kept under it. */
    String name();

    /** Exact topics ({@code leads/lead.converted}) or a module's topics ({@code leads/*}). */
    Set<String> topics();

    void handle(DeliveredEvent event) throws Exception;
}
