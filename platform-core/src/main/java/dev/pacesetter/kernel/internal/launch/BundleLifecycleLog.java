package dev.pacesetter.kernel.internal.launch;

import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.SynchronousBundleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.modules.ModuleRegistry;

/** Logs bundle lifecycle events and records framework errors against the module they concern. */
final class BundleLifecycleLog implements SynchronousBundleListener, FrameworkListener {

    private static final Logger LOG = LoggerFactory.getLogger("pacesetter.bundles");

    private final ModuleRegistry modules;

    BundleLifecycleLog(ModuleRegistry modules) {
        this.modules = modules;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        String what = switch (event.getType()) {
            case BundleEvent.INSTALLED -> "installed";
            case BundleEvent.STARTED -> "started";
            case BundleEvent.STOPPED -> "stopped";
            case BundleEvent.UPDATED -> "updated";
            case BundleEvent.UNINSTALLED -> "uninstalled";
            default -> null;
        };
        if (what != null) {
            LOG.info("Bundle {} {} ({}) {}", event.getBundle().getSymbolicName(), event.getBundle().getVersion(),
                    event.getBundle().getBundleId(), what);
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR) {
            Throwable t = event.getThrowable();
            String reason = t == null ? "framework error" : t.getMessage();
            LOG.error("Bundle {}: {}", event.getBundle() == null ? "?" : event.getBundle().getSymbolicName(), reason);
            if (event.getBundle() != null) {
                modules.recordOf(event.getBundle()).ifPresent(record -> {
                    record.startFailure(reason);
                    modules.changed();
                });
            }
        }
    }
}
