package dev.pacesetter.platform.api.events;

import java.sql.Connection;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes domain events through the transactional outbox. A service the kernel provides to each
 * bundle (it knows which module publishes).
 *
 * <p>Publish on the connection of the transaction that makes the change: the event exists if and only
 * if that transaction commits. Delivery to {@link EventSubscriber}s is asynchronous, at least once, in
 * publication order per aggregate, on whichever node holds the subscriber.
 */
@ProviderType
public interface EventPublisher {

    /**
     * Writes {@code event} to the outbox on {@code connection}.
     *
     * @return the event's id, which subscribers use to stay idempotent
     * @throws dev.pacesetter.platform.api.db.DataAccessException if it cannot be written (the transaction then rolls back)
     * @throws IllegalStateException if the calling bundle declares no module
     */
    String publish(Connection connection, OutgoingEvent event);

    /**
     * Writes many events to the outbox on {@code connection} in one round trip (imports, bulk changes),
     * in list order.
     *
     * @return their ids, in the same order
     */
    java.util.List<String> publishAll(Connection connection, java.util.List<OutgoingEvent> events);
}
