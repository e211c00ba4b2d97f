package dev.pacesetter.kernel.internal.permissions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

import dev.pacesetter.kernel.internal.gateway.ServedRoute;
import dev.pacesetter.kernel.internal.modules.ModuleRecord;
import dev.pacesetter.kernel.internal.modules.Whiteboard;
import dev.pacesetter.platform.api.security.Permission;
import dev.pacesetter.platform.api.security.PermissionProvider;

/**
 * Every permission the running modules declare: through {@link PermissionProvider}s (whiteboard) and on the routes
 * they serve. A provider that declares another module's permission is refused as a whole, and its module reports why.
 */
public final class PermissionCatalogue implements ServiceTrackerCustomizer<PermissionProvider, List<Permission>> {

    private static final String WHAT = "Permission provider";

    /** A permission and the module that declares it. */
    public record Declared(Permission permission, String moduleId) {
    }

    private final BundleContext context;
    private final Whiteboard whiteboard;
    private final Supplier<List<ServedRoute>> routes;
    private final Map<ServiceReference<PermissionProvider>, Declared[]> provided = new ConcurrentHashMap<>();
    private final ServiceTracker<PermissionProvider, List<Permission>> tracker;

    /** @param routes the routes served now */
    public PermissionCatalogue(BundleContext context, Whiteboard whiteboard, Supplier<List<ServedRoute>> routes) {
        this.context = context;
        this.whiteboard = whiteboard;
        this.routes = routes;
        this.tracker = new ServiceTracker<>(context, PermissionProvider.class, this);
    }

    public void open() {
        tracker.open(true);
    }

    public void close() {
        tracker.close();
    }

    @Override
    public List<Permission> addingService(ServiceReference<PermissionProvider> reference) {
        Optional<ModuleRecord> module = whiteboard.modules().recordOf(reference.getBundle()).filter(r -> r.descriptor() != null);
        if (module.isEmpty()) {
            whiteboard.refuse(reference, WHAT, "is not used: bundle " + reference.getBundle().getSymbolicName() + " declares no Pacesetter-Module");
            return null;
        }
        PermissionProvider provider = whiteboard.obtain(reference, PermissionProvider.class, WHAT).orElse(null);
        if (provider == null) {
            return null;
        }
        String moduleId = module.get().id();
        try {
            List<Permission> permissions = List.copyOf(provider.permissions());
            List<String> foreign = permissions.stream().map(Permission::id).filter(id -> !id.startsWith(moduleId + ".")).toList();
            if (!foreign.isEmpty()) {
                whiteboard.refuseObtained(reference, WHAT, "is not used: permission ids must start with '" + moduleId + ".', not " + foreign);
                return null;
            }
            provided.put(reference, permissions.stream().map(p -> new Declared(p, moduleId)).toArray(Declared[]::new));
            return permissions;
        } catch (RuntimeException e) {
            whiteboard.refuseObtained(reference, WHAT, "is not used: it failed to list its permissions (" + e + ")");
            return null;
        }
    }

    @Override
    public void modifiedService(ServiceReference<PermissionProvider> reference, List<Permission> service) {
    }

    @Override
    public void removedService(ServiceReference<PermissionProvider> reference, List<Permission> service) {
        provided.remove(reference);
        context.ungetService(reference);
    }

    /**
     * Every declared permission by id: a provider's declaration first, then those only routes name (a route may require
     * another module's permission: it is listed under the module whose id it starts with, while that module declares
     * it or one of its own routes requires it).
     */
    public List<Declared> all() {
        Map<String, Declared> byId = new LinkedHashMap<>();
        provided.values().forEach(declared -> {
            for (Declared d : declared) {
                byId.putIfAbsent(d.permission().id(), d);
            }
        });
        for (ServedRoute served : routes.get()) {
            served.route().permission().filter(p -> p.moduleId().equals(served.moduleId()))
                    .ifPresent(p -> byId.putIfAbsent(p.id(), new Declared(p, served.moduleId())));
        }
        List<Declared> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing((Declared d) -> d.permission().id()));
        return all;
    }

    public Optional<Declared> find(String id) {
        return all().stream().filter(d -> d.permission().id().equals(id)).findFirst();
    }
}
