package dev.pacesetter.kernel.internal.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.UUID;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

import dev.pacesetter.kernel.internal.gateway.JsonCodec;
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
        Supplier<String> moduleId = modules.moduleOf(bundle, "publish events");
        return new EventPublisher() {
            @Override
            public String publish(Connection connection, OutgoingEvent event) {
                return publishAll(connection, List.of(event)).get(0);
            }

            @Override
            public List<String> publishAll(Connection connection, List<OutgoingEvent> events) {
                return EventPublisherFactory.this.publishAll(connection, events, moduleId.get());
            }
        };
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<EventPublisher> registration, EventPublisher service) {
        // stateless
    }

    /** Writes events to the outbox on the caller's connection, in one batch; also used by the platform itself. */
    public List<String> publishAll(Connection connection, List<OutgoingEvent> events, String module) {
        List<String> ids = new ArrayList<>(events.size());
        Instant now = clock.instant();
        try (PreparedStatement ps = connection.prepareStatement(EventStore.INSERT)) {
            for (OutgoingEvent event : events) {
                String id = UUID.randomUUID().toString();
                EventStore.bindInsert(ps, id, module, event, json.writeString(event.payload()), now);
                ps.addBatch();
                ids.add(id);
            }
            ps.executeBatch();
            return ids;
        } catch (SQLException e) {
            throw new DataAccessException("could not publish " + events.size() + " event(s) (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
