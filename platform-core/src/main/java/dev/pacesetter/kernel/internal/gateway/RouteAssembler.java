package dev.pacesetter.kernel.internal.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.kernel.internal.modules.ComponentHealth;
import dev.pacesetter.kernel.internal.modules.MigrationStatus;
import dev.pacesetter.kernel.internal.modules.ModuleRecord;
import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.kernel.internal.modules.Whiteboard;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;

/**
 * Whiteboard for {@link RouteProvider} services: whenever a provider or a module changes, rebuilds the
 * route table from scratch and publishes it in one swap. A provider that goes away, and a module that changes, are
 * taken out at once (a stopping bundle's handlers must not be called); a burst of new providers (dozens at start,
 * eight or so per plugin) is published by one rebuild on the assembler's own thread instead of one rebuild each.
 */
public final class RouteAssembler implements ServiceTrackerCustomizer<RouteProvider, RouteAssembler.Provided> {

    private static final Logger LOG = LoggerFactory.getLogger(RouteAssembler.class);
    private static final java.time.Duration SETTLING_RECHECK = java.time.Duration.ofMillis(50);

    /** The routes one provider service offered when it was bound. */
    record Provided(Bundle bundle, List<Route> routes) {
    }

    private final BundleContext context;
    private final ModuleRegistry modules;
    private final LiveRouteTable live;
    private final JsonCodec json;
    private final ComponentHealth components;
    private final Whiteboard whiteboard;
    private final Map<ServiceReference<RouteProvider>, Provided> provided = new ConcurrentHashMap<>();
    private final ServiceTracker<RouteProvider, Provided> tracker;
    /**
     * Publishes added providers, and looks again while a module settles: its last components may register no route, so
     * nothing else would.
     */
    private final ScheduledExecutorService rebuilds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pacesetter-routes");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean recheckPending = new AtomicBoolean();
    private final AtomicBoolean additionsPending = new AtomicBoolean();
    private final AtomicInteger batches = new AtomicInteger();
    /** Providers added so far, and how many of them the published table had read: equal when nothing is pending. */
    private final AtomicLong added = new AtomicLong();
    private volatile long published;

    public RouteAssembler(BundleContext context, Whiteboard whiteboard, ComponentHealth components, LiveRouteTable live, JsonCodec json) {
        this.context = context;
        this.whiteboard = whiteboard;
        this.components = components;
        this.modules = whiteboard.modules();
        this.live = live;
        this.json = json;
        this.tracker = new ServiceTracker<>(context, RouteProvider.class, this);
        modules.onChange(this::refresh);
    }

    public void open() {
        tracker.open(true);
    }

    public void close() {
        tracker.close();
        rebuilds.shutdownNow();
    }

    @Override
    public Provided addingService(ServiceReference<RouteProvider> reference) {
        Bundle bundle = reference.getBundle();
        // activates a delayed DS component
        RouteProvider provider = whiteboard.obtain(reference, RouteProvider.class, "Route provider").orElse(null);
        if (provider == null) {
            return null;
        }
        List<Route> routes;
        try {
            routes = List.copyOf(provider.routes());
        } catch (RuntimeException e) {
            LOG.error("Route provider {} of bundle {} threw from routes()", provider.getClass().getName(), bundle.getSymbolicName(), e);
            whiteboard.refuseObtained(reference, "Route provider " + provider.getClass().getName(), "threw from routes(): " + e);
            return null;
        }
        Provided entry = new Provided(bundle, routes);
        provided.put(reference, entry);
        added.incrementAndGet(); // after the put: a rebuild that sees this count finds the entry
        LOG.info("Bundle {} contributes {} route(s)", bundle.getSymbolicName(), routes.size());
        publishAdditionsSoon();
        return entry;
    }

    @Override
    public void modifiedService(ServiceReference<RouteProvider> reference, Provided entry) {
        // routes are read once per registration; property changes do not alter them
    }

    @Override
    public void removedService(ServiceReference<RouteProvider> reference, Provided entry) {
        provided.remove(reference);
        context.ungetService(reference);
        json.forgetPluginClasses();
        refresh();
    }

    /**
     * Registers a group of providers as one change: what they add is published by one rebuild when the returned handle
     * closes (the kernel's own two dozen at start), which is also when their routes are served.
     */
    public Batch batch() {
        batches.incrementAndGet();
        return () -> {
            batches.decrementAndGet();
            refresh();
        };
    }

    /** A group of registrations under way; closing it publishes them. */
    public interface Batch extends AutoCloseable {
        @Override
        void close();
    }

    private void publishAdditionsSoon() {
        if (batches.get() > 0) {
            return; // the batch's close publishes them
        }
        if (additionsPending.compareAndSet(false, true)) {
            try {
                rebuilds.execute(() -> {
                    additionsPending.set(false); // before the rebuild: an addition from now on asks for another
                    refresh();
                });
            } catch (RejectedExecutionException closed) {
                additionsPending.set(false);
                refresh();
            }
        }
    }

    /**
     * Rebuilds and publishes the table now, with every provider added so far. Synchronized so concurrent changes
     * publish in a consistent order.
     */
    public synchronized void refresh() {
        long seen = added.get();
        Map<Long, List<Route>> routesByBundle = new HashMap<>();
        for (Provided p : provided.values()) {
            routesByBundle.computeIfAbsent(p.bundle().getBundleId(), k -> new ArrayList<>()).addAll(p.routes());
        }
        List<RouteClaim> claims = new ArrayList<>();
        Map<String, ModuleRecord> claimants = new HashMap<>();
        for (ModuleRecord record : modules.records()) {
            long bundleId = record.bundle().getBundleId();
            List<Route> routes = routesByBundle.getOrDefault(bundleId, List.of());
            Optional<ModuleRecord> earlier = modules.earlierProviderOf(record);
            if (record.descriptor() == null || earlier.isPresent()) {
                continue;
            }
            String failure = failureOf(record, routes);
            Set<String> reserved = failure != null || isInTransition(record) ? record.resources() : Set.of();
            if (routes.isEmpty() && reserved.isEmpty()) {
                record.routeRefusal(null);
                continue;
            }
            boolean serving = failure == null && record.isServing() && !routes.isEmpty();
            claims.add(new RouteClaim(record.id(), bundleId, routes, reserved, serving, failure, serving && isInTransition(record)));
            claimants.put(record.id(), record);
        }
        for (Long bundleId : routesByBundle.keySet()) {
            Bundle bundle = context.getBundle(bundleId);
            if (bundle != null && modules.recordOf(bundle).isEmpty()) {
                LOG.warn("Bundle {} registers routes but declares no Pacesetter-Module; they are not served", bundle.getSymbolicName());
            }
        }
        RouteTableBuilder.Result result = RouteTableBuilder.build(claims);
        claimants.forEach((id, record) -> {
            String refusal = result.refusals().get(id);
            if (refusal != null && !refusal.equals(record.routeRefusal())) {
                LOG.error("Module {} refused: {}", id, refusal);
            }
            record.routeRefusal(refusal);
            Set<String> owned = result.owned().get(id);
            if (owned == null) {
                record.resources(Set.of());
            } else if (!routesByBundle.getOrDefault(record.bundle().getBundleId(), List.of()).isEmpty()) {
                record.resources(owned);
            }
        });
        live.publish(result.table());
        published = Math.max(published, seen);
        if (claims.stream().anyMatch(RouteClaim::settling) && recheckPending.compareAndSet(false, true)) {
            try {
                rebuilds.schedule(() -> {
                    recheckPending.set(false);
                    refresh();
                }, SETTLING_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                recheckPending.set(false);
            }
        }
    }

    /**
     * Whether every route provider {@code bundle} has registered has been read and its routes are in the
     * published table (or refused there: the module's status then says why). An upload answers 201 only
     * after this, so a client's next request finds the routes.
     */
    public boolean hasPublishedRoutesOf(Bundle bundle) {
        if (published < added.get()) {
            return false; // a rebuild is on its way
        }
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered == null) {
            return true;
        }
        for (ServiceReference<?> reference : registered) {
            String[] classes = (String[]) reference.getProperty(org.osgi.framework.Constants.OBJECTCLASS);
            if (classes != null && java.util.Arrays.asList(classes).contains(RouteProvider.class.getName())
                    && !provided.containsKey(reference)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Why the module cannot serve until an administrator acts: its migrations failed, or a component failed to activate
     * and no routes came up. Its resources then answer 503 module_failed instead of a misleading 404 or "retry soon".
     */
    private String failureOf(ModuleRecord record, List<Route> routes) {
        if (record.migration().phase() == MigrationStatus.Phase.FAILED) {
            return record.migration().failure();
        }
        if (routes.isEmpty()) {
            return components.problemsOf(record.bundle()).stream().filter(ComponentHealth.Problem::failed).findFirst()
                    .map(ComponentHealth.Problem::activationFailure).orElse(null);
        }
        return null;
    }

    /** On its way back to serving, including the moments after start before DS has registered its routes. */
    private boolean isInTransition(ModuleRecord record) {
        Bundle bundle = record.bundle();
        return record.isInTransition() || (bundle.getState() == Bundle.ACTIVE
                && record.migration().phase() != MigrationStatus.Phase.FAILED && components.isPending(bundle));
    }
}
