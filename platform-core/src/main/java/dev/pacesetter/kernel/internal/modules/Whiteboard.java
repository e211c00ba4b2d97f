package dev.pacesetter.kernel.internal.modules;

import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the kernel takes in the services modules contribute (routes, migrations, event subscribers, deadline
 * handlers, jobs): a contribution the kernel cannot obtain or use is never dropped silently. It is logged as an
 * error and recorded against its module, which {@code /api/v1/modules} then reports FAILED with the reason, until
 * the service goes away.
 *
 * <p>Trackers open with {@code open(true)} and hand every reference here: the framework otherwise hides a
 * service whose classes the kernel could load from elsewhere (a plugin jar also on the kernel's class path), and a
 * hidden service is the one kind of silence a tracker cannot report.
 */
public final class Whiteboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Whiteboard.class);

    private final BundleContext context;
    private final ModuleRegistry modules;
    private final ServiceListener unregistering = this::forgetWhenGone;

    public Whiteboard(BundleContext context, ModuleRegistry modules) {
        this.context = context;
        this.modules = modules;
        context.addServiceListener(unregistering);
    }

    public ModuleRegistry modules() {
        return modules;
    }

    /**
     * The service behind {@code reference} as a {@code type}, or empty after refusing it: when activation failed
     * (the service is {@code null}) or when its classes are not the kernel's. The caller ungets nothing on empty.
     */
    public <T> Optional<T> obtain(ServiceReference<?> reference, Class<T> type, String what) {
        Object service = context.getService(reference);
        if (service == null) {
            refuse(reference, what, "could not be obtained: its component failed to activate (see the log)");
            return Optional.empty();
        }
        if (!type.isInstance(service)) {
            context.ungetService(reference);
            refuse(reference, what, "could not be used: it implements another copy of " + type.getName()
                    + " than the platform's; is the plugin jar also on the kernel's class path (lib/)?");
            return Optional.empty();
        }
        return Optional.of(type.cast(service));
    }

    /** Gives back a service {@link #obtain} handed out and {@link #refuse refuses} it. */
    public void refuseObtained(ServiceReference<?> reference, String what, String reason) {
        context.ungetService(reference);
        refuse(reference, what, reason);
    }

    /** Logs and records that the kernel does not use this contribution; the module reports FAILED until it goes away. */
    public void refuse(ServiceReference<?> reference, String what, String reason) {
        String text = what + " " + reason;
        LOG.error("Bundle {} ({}): {}", reference.getBundle().getSymbolicName(), reference.getBundle().getBundleId(), text);
        modules.recordOf(reference.getBundle()).ifPresent(record -> {
            record.refusal(serviceId(reference), text);
            modules.changed();
        });
    }

    private void forgetWhenGone(ServiceEvent event) {
        if (event.getType() != ServiceEvent.UNREGISTERING) {
            return;
        }
        ServiceReference<?> reference = event.getServiceReference();
        modules.recordOf(reference.getBundle()).ifPresent(record -> {
            if (record.withdrawRefusal(serviceId(reference))) {
                modules.changed();
            }
        });
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    @Override
    public void close() {
        try {
            context.removeServiceListener(unregistering);
        } catch (IllegalStateException frameworkGone) {
            // the framework stopped first: its listeners went with it
        }
    }
}
