package dev.pacesetter.kernel.internal.events;

import java.sql.Connection;
import java.util.List;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.platform.api.events.EventPublisher;
import dev.pacesetter.platform.api.events.OutgoingEvent;

/** Gives every bundle its own {@link EventPublisher}, which stamps events with that bundle's module. */
public final class EventPublisherFactory implements ServiceFactory<EventPublisher> {

    private final ModuleRegistry modules;
    private final OutboxWriter outbox;

    public EventPublisherFactory(ModuleRegistry modules, OutboxWriter outbox) {
        this.modules = modules;
        this.outbox = outbox;
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
                return outbox.publishAll(connection, events, moduleId.get());
            }
        };
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<EventPublisher> registration, EventPublisher service) {
        // stateless
    }
}
