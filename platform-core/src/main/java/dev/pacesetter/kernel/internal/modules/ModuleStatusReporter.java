package dev.pacesetter.kernel.internal.modules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;

import dev.pacesetter.platform.api.ModuleDescriptor;

/** Derives each module's reported state from its bundle, its migrations, its components and its routes. */
public final class ModuleStatusReporter {

    private final ModuleRegistry registry;
    private final ComponentHealth components;
    private final MissingRequirements missing;
    private final java.util.function.Function<String, Object> enabledRegions;

    public ModuleStatusReporter(ModuleRegistry registry, ComponentHealth components, MissingRequirements missing,
            java.util.function.Function<String, Object> enabledRegions) {
        this.enabledRegions = enabledRegions;
        this.registry = registry;
        this.components = components;
        this.missing = missing;
    }

    public List<ModuleStatus> statuses() {
        return registry.records().stream().map(this::statusOf).toList();
    }

    public ModuleStatus statusOf(ModuleRecord record) {
        Bundle bundle = record.bundle();
        List<String> warnings = new ArrayList<>();
        ModuleState state;
        String reason = null;
        int bundleState = bundle.getState();
        Optional<ModuleRecord> earlier = registry.earlierProviderOf(record);
        if (record.headerError() != null) {
            state = ModuleState.FAILED;
            reason = record.headerError();
        } else if (earlier.isPresent()) {
            state = ModuleState.FAILED;
            reason = "module id '" + record.id() + "' is already provided by bundle " + earlier.get().bundle().getSymbolicName()
                    + " (" + earlier.get().bundle().getBundleId() + ")";
        } else if (bundleState == Bundle.INSTALLED) {
            List<String> unmet = missing.of(bundle);
            // a bundle no installed bundle can satisfy has failed; installing the provider resolves it later
            state = unmet.isEmpty() && record.startFailure() == null ? ModuleState.INSTALLED : ModuleState.FAILED;
            reason = !unmet.isEmpty() ? "cannot resolve: nothing provides " + String.join(", ", unmet)
                    : record.startFailure() != null ? record.startFailure() : "not resolved yet";
        } else if (record.startFailure() != null && bundleState != Bundle.ACTIVE) {
            state = ModuleState.FAILED;
            reason = record.startFailure();

        } else if (bundleState == Bundle.STARTING) {
            state = ModuleState.STARTING;
        } else if (bundleState == Bundle.STOPPING) {
            state = ModuleState.STOPPING;
        } else if (bundleState == Bundle.RESOLVED) {
            state = record.isInTransition() ? ModuleState.STARTING : ModuleState.STOPPED;
        } else {
            MigrationStatus migration = record.migration();
            List<ComponentHealth.Problem> problems = components.problemsOf(bundle);
            Optional<ComponentHealth.Problem> failed = problems.stream().filter(ComponentHealth.Problem::failed).findFirst();
            if (migration.phase() == MigrationStatus.Phase.FAILED) {
                state = ModuleState.FAILED;
                reason = migration.failure();
            } else if (migration.phase() == MigrationStatus.Phase.RUNNING) {
                state = ModuleState.STARTING;
                reason = "applying schema migrations";
            } else if (components.isPending(bundle)) {
                state = ModuleState.STARTING;
                reason = "waiting for Declarative Services";
            } else if (record.routeRefusal() != null) {
                state = ModuleState.FAILED;
                reason = record.routeRefusal();
            } else if (failed.isPresent()) {
                state = ModuleState.FAILED;
                reason = failed.get().activationFailure();
            } else if (!record.refusals().isEmpty()) {
                state = ModuleState.FAILED;
                reason = String.join("; ", record.refusals());
            } else {
                state = ModuleState.ACTIVE;
                problems.forEach(p -> warnings.add("component " + p.component() + " " + p.detail()));
            }
        }
        ModuleDescriptor d = record.descriptor();
        return new ModuleStatus(record.id(), d == null ? bundle.getSymbolicName() : d.name(),
                d == null ? null : d.dimension().name(), d == null ? bundle.getVersion().toString() : d.version(),
                state, reason,
                new ModuleStatus.BundleInfo(bundle.getBundleId(), bundle.getSymbolicName(), bundleStateName(bundleState)),
                record.resources(), record.migration().schemaVersion(), warnings.isEmpty() ? null : warnings,
                enabledRegions.apply(record.id()));
    }

    /** The name of an OSGi bundle state, as the REST API reports it. */
    public static String bundleStateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
