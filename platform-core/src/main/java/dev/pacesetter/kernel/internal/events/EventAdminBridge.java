package dev.pacesetter.kernel.internal.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.platform.api.db.ModuleDatabase;

/**
 * Posts every event that reaches the stream to this process's OSGi Event Admin, for in-process
 * listeners that need no durability (caches, live dashboards). Every node forwards every event to its
 * own listeners, from the moment it started; nothing is replayed after a restart.
 *
 * <p>Event Admin topics allow no dots, so {@code leads/lead.converted} is posted as
 * {@code pacesetter/leads/lead/converted} (listen to {@code pacesetter/leads/*}); the properties carry
 * the id, module, original topic, aggregate, region, time and the payload as JSON.
 */
public final class EventAdminBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventAdminBridge.class);

    private final ModuleDatabase db;
    private final JsonCodec json;
    private final EventTuning tuning;
    private final ServiceTracker<EventAdmin, EventAdmin> eventAdmin;
    private final Thread thread;
    private final TopicFilter everything = new TopicFilter(Set.of("*"));
    private final Doorbell sequenced = new Doorbell();
    private volatile boolean running = true;

    /** @param delivery rings the bridge when events were numbered */
    public EventAdminBridge(BundleContext context, ModuleDatabase db, JsonCodec json, EventTuning tuning, EventDelivery delivery) {
        this.db = db;
        this.json = json;
        this.tuning = tuning;
        delivery.onSequenced(sequenced::ring);
        this.eventAdmin = new ServiceTracker<>(context, EventAdmin.class, null);
        this.thread = new Thread(this::loop, "pacesetter-events-eventadmin");
        thread.setDaemon(true);
    }

    public void open() {
        eventAdmin.open();
        thread.start();
    }

    static String osgiTopic(String topic) {
        return "pacesetter/" + topic.replace('.', '/');
    }

    private void loop() {
        long position;
        try {
            position = db.inTransaction(EventStore::lastPosition);
        } catch (RuntimeException e) {
            LOG.warn("Event Admin bridge not started: {}", e.getMessage());
            return;
        }
        while (running) {
            long from = position;
            List<StoredEvent> batch;
            try {
                batch = db.inTransaction(c -> EventStore.after(c, from, everything, tuning.batch(), json));
            } catch (RuntimeException e) {
                LOG.debug("Event Admin bridge could not read the stream", e);
                batch = List.of();
            }
            EventAdmin admin = eventAdmin.getService();
            for (StoredEvent event : batch) {
                if (admin != null) {
                    admin.postEvent(new Event(osgiTopic(event.topic()), properties(event)));
                }
                position = event.position();
            }
            if (batch.size() < tuning.batch()) {
                pause();
            }
        }
    }

    private static Map<String, Object> properties(StoredEvent event) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", event.id());
        properties.put("module", event.module());
        properties.put("topic.name", event.topic());
        properties.put("aggregateId", event.aggregateId());
        event.regionId().ifPresent(region -> properties.put("regionId", region));
        properties.put("occurredAt", event.occurredAt().toString());
        properties.put("payload", event.payloadJson());
        return properties;
    }

    private void pause() {
        try {
            sequenced.await(tuning.poll());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false; // no interrupt: H2 closes its database file when a thread is interrupted in the middle of I/O
        sequenced.ring();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        eventAdmin.close();
    }
}
