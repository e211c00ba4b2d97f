package dev.pacesetter.kernel.internal.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

import dev.pacesetter.kernel.internal.gateway.JsonCodec;
import dev.pacesetter.kernel.internal.modules.ModuleRecord;
import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.platform.api.db.DataAccessException;
import dev.pacesetter.platform.api.events.EventPublisher;
import dev.pacesetter.platform.api.events.OutgoingEvent;

/** Gives every bundle its own {@link EventPublisher}, which stamps events with that bundle's module. */
public final class EventPublisherFactory implements ServiceFactory<EventPublisher> {

    private final ModuleRegistry modules;
    private final JsonCodec json;
    private final Clock clock;

    public EventPublisherFactory(ModuleRegistry modules, JsonCodec json, Clock clock) {
        this.modules = modules;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public EventPublisher getService(Bundle bundle, ServiceRegistration<EventPublisher> registration) {
        Optional<String> module = modules.recordOf(bundle).map(ModuleRecord::id);
        return (connection, event) -> publish(connection, event, module.orElseThrow(() -> new IllegalStateException(
                "bundle " + bundle.getSymbolicName() + " declares no Pacesetter module, so it cannot publish events")));
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<EventPublisher> registration, EventPublisher service) {
        // stateless
    }

    /** Writes one event to the outbox on the caller's connection; also used by the platform itself. */
    public String publish(Connection connection, OutgoingEvent event, String module) {
        String id = UUID.randomUUID().toString();
        try {
            EventStore.insert(connection, id, module, event.topic(), event.aggregateId(), event.regionId().orElse(null),
                    json.writeString(event.payload()), clock.instant());
            return id;
        } catch (SQLException e) {
            throw new DataAccessException("could not publish " + event.topic() + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
