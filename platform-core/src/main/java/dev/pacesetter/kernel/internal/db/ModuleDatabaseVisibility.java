package dev.pacesetter.kernel.internal.db;

import java.util.Collection;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;

/**
 * Service hooks that show each module's database to its own bundle only (and to the kernel). A plugin therefore
 * references {@code @Reference ModuleDatabase db} without a target and gets its own: there is exactly one it can see.
 */
public final class ModuleDatabaseVisibility implements FindHook, EventListenerHook {

    /** Registers the hooks; before any module database is registered, so none is ever visible to the wrong bundle. */
    public static void install(BundleContext system) {
        system.registerService(new String[] {FindHook.class.getName(), EventListenerHook.class.getName()}, new ModuleDatabaseVisibility(), null);
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices, Collection<ServiceReference<?>> references) {
        long finder = context.getBundle().getBundleId();
        references.removeIf(reference -> hiddenFrom(reference, finder));
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceReference<?> reference = event.getServiceReference();
        if (reference.getProperty(OwnModuleDatabase.OWNER_PROPERTY) != null) {
            listeners.keySet().removeIf(context -> hiddenFrom(reference, context.getBundle().getBundleId()));
        }
    }

    static boolean hiddenFrom(ServiceReference<?> reference, long bundleId) {
        return reference.getProperty(OwnModuleDatabase.OWNER_PROPERTY) instanceof Long owner && owner != bundleId
                && bundleId != Constants.SYSTEM_BUNDLE_ID;
    }
}
