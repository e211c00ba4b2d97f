package dev.pacesetter.kernel.internal.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.modules.ComponentHealth;
import dev.pacesetter.kernel.internal.modules.MigrationStatus;
import dev.pacesetter.kernel.internal.modules.ModuleRecord;
import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.kernel.internal.modules.Whiteboard;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;

/**
 * Whiteboard for {@link RouteProvider} services: whenever a provider or a module changes, rebuilds the
 * route table from scratch and publishes it in one swap.
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
    /** Looks again while a module settles: its last components may register no route, so nothing else would. */
    private final ScheduledExecutorService recheck = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pacesetter-routes-recheck");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean recheckPending = new AtomicBoolean();

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
        recheck.shutdownNow();
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
        LOG.info("Bundle {} contributes {} route(s)", bundle.getSymbolicName(), routes.size());
        refresh();
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

    /** Rebuilds and publishes the table. Synchronized so concurrent changes publish in a consistent order. */
    public synchronized void refresh() {
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
        if (claims.stream().anyMatch(RouteClaim::settling) && recheckPending.compareAndSet(false, true)) {
            try {
                recheck.schedule(() -> {
                    recheckPending.set(false);
                    refresh();
                }, SETTLING_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
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
