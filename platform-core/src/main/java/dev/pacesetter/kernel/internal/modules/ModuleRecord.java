package dev.pacesetter.kernel.internal.modules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.startlevel.BundleStartLevel;

import dev.pacesetter.platform.api.ModuleDescriptor;

/**
 * The kernel's live knowledge of one module bundle: what it declared, how its migrations went, whether
 * the gateway refused its routes. Fields are written by trackers and read by requests, hence volatile.
 */
public final class ModuleRecord {

    private final Bundle bundle;
    private volatile ModuleDescriptor descriptor;
    private volatile String headerError;
    private volatile MigrationStatus migration = MigrationStatus.NONE;
    private volatile String routeRefusal;
    private volatile String startFailure;
    private volatile Set<String> resources = Set.of();
    /** Contributed services the kernel refused, by service id: each makes the module FAILED until it goes away. */
    private final Map<Long, String> refusals = new ConcurrentSkipListMap<>();

    ModuleRecord(Bundle bundle, ModuleDescriptor descriptor, String headerError) {
        this.bundle = bundle;
        this.descriptor = descriptor;
        this.headerError = headerError;
    }

    public Bundle bundle() {
        return bundle;
    }

    /** The module id, or the bundle's symbolic name when its header is unusable. */
    public String id() {
        ModuleDescriptor d = descriptor;
        return d != null ? d.id() : bundle.getSymbolicName();
    }

    /** The declared descriptor, or {@code null} when the header is unusable. */
    public ModuleDescriptor descriptor() {
        return descriptor;
    }

    public String headerError() {
        return headerError;
    }

    void redeclare(ModuleDescriptor newDescriptor, String newHeaderError) {
        descriptor = newDescriptor;
        headerError = newHeaderError;
    }

    public MigrationStatus migration() {
        return migration;
    }

    public void migration(MigrationStatus status) {
        migration = status;
    }

    public String routeRefusal() {
        return routeRefusal;
    }

    public void routeRefusal(String reason) {
        routeRefusal = reason;
    }

    public String startFailure() {
        return startFailure;
    }

    public void startFailure(String reason) {
        startFailure = reason;
    }

    void refusal(long serviceId, String reason) {
        refusals.put(serviceId, reason);
    }

    boolean withdrawRefusal(long serviceId) {
        return refusals.remove(serviceId) != null;
    }

    /** Why the kernel refused some of the services this module contributes, oldest first; empty when it uses all. */
    public List<String> refusals() {
        return List.copyOf(refusals.values());
    }

    /** The top-level resources this module owned when its routes were last accepted. */
    public Set<String> resources() {
        return resources;
    }

    public void resources(Set<String> owned) {
        resources = Set.copyOf(owned);
    }

    /** Whether its routes may be called now. */
    public boolean isServing() {
        MigrationStatus.Phase phase = migration.phase();
        return bundle.getState() == Bundle.ACTIVE && phase != MigrationStatus.Phase.RUNNING;
    }

    /**
     * Whether the module is on its way (back) to serving: started on purpose and not failed, but not
     * serving yet — the window of an update or a migration. Its resources then answer 503, not 404.
     */
    public boolean isInTransition() {
        if (startFailure != null || migration.phase() == MigrationStatus.Phase.FAILED) {
            return false;
        }
        int state = bundle.getState();
        if (state == Bundle.STOPPING || state == Bundle.STARTING) {
            return true;
        }
        if (state == Bundle.ACTIVE) {
            return migration.phase() == MigrationStatus.Phase.RUNNING;
        }
        BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
        return startLevel != null && startLevel.isPersistentlyStarted();
    }
}
