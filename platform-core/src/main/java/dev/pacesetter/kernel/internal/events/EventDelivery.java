package dev.pacesetter.kernel.internal.events;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.gateway.JsonCodec;
import dev.pacesetter.kernel.internal.modules.Whiteboard;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.events.EventSubscriber;

/**
 * The event whiteboard: tracks {@link EventSubscriber} services, runs one delivery loop per subscriber
 * and the node's sequencer. Each kernel process is a node with its own id; subscribers' leases decide
 * which node delivers to which subscriber.
 */
public final class EventDelivery implements ServiceTrackerCustomizer<EventSubscriber, EventSubscriber>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final BundleContext context;
    private final Whiteboard whiteboard;
    private final ModuleDatabase db;
    private final JsonCodec json;
    private final Clock clock;
    private final EventTuning tuning;
    private final String node;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final ServiceTracker<EventSubscriber, EventSubscriber> tracker;
    private final Sequencer sequencer;

    private record Running(SubscriberLoop loop, Thread thread, TopicFilter filter) {
    }

    /**
     * @param node this process's node id; stable across restarts of one installation, so that a node
     *        restarted after a crash takes its subscribers back at once instead of waiting out their leases
     */
    public EventDelivery(BundleContext context, Whiteboard whiteboard, ModuleDatabase db, JsonCodec json, Clock clock, EventTuning tuning, String node) {
        this.node = node;
        this.context = context;
        this.whiteboard = whiteboard;
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.tuning = tuning;
        this.tracker = new ServiceTracker<>(context, EventSubscriber.class, this);
        this.sequencer = new Sequencer(db, tuning);
    }

    public void open() {
        sequencer.start();
        tracker.open(true);
    }

    /** This process's node id, as leases name it. */
    public String node() {
        return node;
    }

    /** The subscriber named {@code name} if it runs in this process. */
    Optional<EventSubscriber> local(String name) {
        return Optional.ofNullable(running.get(name)).map(r -> r.loop().subscriber());
    }

    JsonCodec json() {
        return json;
    }

    @Override
    public EventSubscriber addingService(ServiceReference<EventSubscriber> reference) {
        EventSubscriber subscriber = whiteboard.obtain(reference, EventSubscriber.class, "Event subscriber").orElse(null);
        if (subscriber == null) {
            return null;
        }
        String owner = reference.getBundle().getSymbolicName();
        String name;
        TopicFilter filter;
        try {
            name = subscriber.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("name must be 1-100 lower-case letters, digits, dots, dashes or underscores: " + name);
            }
            filter = new TopicFilter(subscriber.topics());
        } catch (RuntimeException e) {
            whiteboard.refuseObtained(reference, "Event subscriber " + subscriber.getClass().getName(), "is refused: " + e.getMessage());
            return null;
        }
        SubscriberLoop loop = new SubscriberLoop(subscriber, name, filter, db, node, json, clock, tuning);
        if (running.putIfAbsent(name, new Running(loop, new Thread(loop, "pacesetter-events-" + name), filter)) != null) {
            whiteboard.refuseObtained(reference, "Event subscriber '" + name + "'", "is refused: another subscriber in this process has that name");
            return null;
        }
        db.inTransaction(c -> {
            EventStore.createCursorIfAbsent(c, name);
            return null;
        });
        Thread thread = running.get(name).thread();
        thread.setDaemon(true);
        thread.start();
        LOG.info("Event subscriber '{}' of bundle {} receives {}", name, owner, subscriber.topics());
        return subscriber;
    }

    @Override
    public void modifiedService(ServiceReference<EventSubscriber> reference, EventSubscriber subscriber) {
        // the name and topics are read once; a changed subscriber is re-registered by its bundle
    }

    @Override
    public void removedService(ServiceReference<EventSubscriber> reference, EventSubscriber subscriber) {
        running.entrySet().removeIf(entry -> {
            if (entry.getValue().loop().subscriber() != subscriber) {
                return false;
            }
            stop(entry.getValue());
            return true;
        });
        context.ungetService(reference);
    }

    @Override
    public void close() {
        tracker.close();
        running.values().forEach(EventDelivery::stop);
        running.clear();
        sequencer.close();
    }

    private static void stop(Running run) {
        // no interrupt: H2 closes its database file when a thread is interrupted in the middle of I/O
        run.loop().stop();
        try {
            // a handler in the middle of an event finishes it; the bundle is going away, so do not wait forever
            run.thread().join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
