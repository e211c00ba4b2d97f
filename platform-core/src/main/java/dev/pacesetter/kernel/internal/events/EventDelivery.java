package dev.pacesetter.kernel.internal.events;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.kernel.internal.modules.Whiteboard;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.events.EventSubscriber;

/**
 * The event whiteboard: tracks {@link EventSubscriber} services and delivers to them from a shared dispatcher, woken by
 * the node's sequencer when events of their topics are numbered. Each kernel process is a node with its own id;
 * subscribers' leases decide which node delivers to which subscriber.
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
    private final Map<ServiceReference<EventSubscriber>, SubscriberDelivery> running = new ConcurrentHashMap<>();
    private final ServiceTracker<EventSubscriber, EventSubscriber> tracker;
    private final DeliveryDispatcher dispatcher;
    private final Sequencer sequencer;
    private final List<Runnable> sequencedListeners = new CopyOnWriteArrayList<>();

    /**
     * @param node this process's node id; stable across restarts of one installation, so that a node
     *        restarted after a crash takes its subscribers back at once instead of waiting out their leases
     * @param written rung after every commit that wrote events (on this node, or on another through the database)
     */
    public EventDelivery(BundleContext context, Whiteboard whiteboard, ModuleDatabase db, JsonCodec json, Clock clock, EventTuning tuning, String node,
            Doorbell written) {
        this.node = node;
        this.context = context;
        this.whiteboard = whiteboard;
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.tuning = tuning;
        this.tracker = new ServiceTracker<>(context, EventSubscriber.class, this);
        this.dispatcher = new DeliveryDispatcher(tuning.threads(), tuning.poll());
        this.sequencer = new Sequencer(db, tuning, written, numbered -> {
            dispatcher.wake(numbered);
            sequencedListeners.forEach(Runnable::run);
        });
    }

    /** Calls {@code listener} whenever events were numbered (or may have been, by another node). */
    void onSequenced(Runnable listener) {
        sequencedListeners.add(listener);
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
        return running.values().stream().filter(d -> d.name().equals(name)).findFirst().map(SubscriberDelivery::subscriber);
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
        db.inTransaction(c -> {
            EventStore.createCursorIfAbsent(c, name);
            return null;
        });
        SubscriberDelivery delivery = new SubscriberDelivery(subscriber, name, filter, db, node, json, clock, tuning);
        if (!dispatcher.add(delivery)) {
            whiteboard.refuseObtained(reference, "Event subscriber '" + name + "'", "is refused: another subscriber in this process has that name");
            return null;
        }
        running.put(reference, delivery);
        LOG.info("Event subscriber '{}' of bundle {} receives {}", name, owner, subscriber.topics());
        return subscriber;
    }

    @Override
    public void modifiedService(ServiceReference<EventSubscriber> reference, EventSubscriber subscriber) {
        // the name and topics are read once; a changed subscriber is re-registered by its bundle
    }

    @Override
    public void removedService(ServiceReference<EventSubscriber> reference, EventSubscriber subscriber) {
        SubscriberDelivery delivery = running.remove(reference);
        if (delivery != null) {
            dispatcher.remove(delivery.name());
        }
        context.ungetService(reference);
    }

    @Override
    public void close() {
        tracker.close();
        running.clear();
        dispatcher.close();
        sequencer.close();
    }
}
