package dev.pacesetter.kernel.internal.bundles;

import java.util.Optional;

import org.osgi.framework.Bundle;

import dev.pacesetter.kernel.internal.gateway.RouteAssembler;
import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.kernel.internal.modules.ModuleState;
import dev.pacesetter.kernel.internal.modules.ModuleStatusReporter;

/**
 * Whether an installed or updated bundle has finished arriving: started, its module's migrations and
 * components done (ACTIVE, or FAILED/STOPPED with a reason), and its routes in the live route table. A
 * bundle's state alone says ACTIVE while Declarative Services and migrations are still at work, which is
 * how a GET right after a 201 used to get 404.
 */
final class ModuleSettling {

    private final ModuleRegistry modules;
    private final ModuleStatusReporter reporter;
    private final RouteAssembler routes;

    ModuleSettling(ModuleRegistry modules, ModuleStatusReporter reporter, RouteAssembler routes) {
        this.modules = modules;
        this.reporter = reporter;
        this.routes = routes;
    }

    /** The module's state once settled; empty while it is still on its way (or the bundle is no module and not started yet). */
    Optional<ModuleState> settledState(Bundle bundle) {
        int state = bundle.getState();
        if (state == Bundle.INSTALLED || state == Bundle.STARTING || state == Bundle.UNINSTALLED) {
            return modules.recordOf(bundle).map(reporter::statusOf).map(s -> s.state()).filter(s -> s == ModuleState.FAILED);
        }
        Optional<ModuleState> module = modules.recordOf(bundle).map(reporter::statusOf).map(s -> s.state());
        if (module.isEmpty()) {
            return state == Bundle.ACTIVE || state == Bundle.RESOLVED ? Optional.of(ModuleState.ACTIVE) : Optional.empty();
        }
        if (!module.get().isSettled()) {
            return Optional.empty();
        }
        return module.get() != ModuleState.ACTIVE || routes.hasPublishedRoutesOf(bundle) ? module : Optional.empty();
    }
}
