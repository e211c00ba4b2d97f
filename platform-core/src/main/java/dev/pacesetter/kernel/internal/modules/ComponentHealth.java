package dev.pacesetter.kernel.internal.modules;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.util.tracker.ServiceTracker;

import dev.pacesetter.platform.api.db.ModuleDatabase;

/** Asks Declarative Services (through its runtime DTOs) which of a bundle's components failed or wait. */
public final class ComponentHealth implements AutoCloseable {

    /** A component that failed to activate, or waits for a reference. */
    public record Problem(String component, boolean failed, String detail) {

        /** The module's reason when this component failed to activate. */
        public String activationFailure() {
            return "component " + component + " failed to activate: " + detail;
        }
    }

    private final ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> scr;

    public ComponentHealth(BundleContext context) {
        this.scr = new ServiceTracker<>(context, ServiceComponentRuntime.class, null);
        scr.open();
    }

    public List<Problem> problemsOf(Bundle bundle) {
        ServiceComponentRuntime runtime = scr.getService();
        List<Problem> problems = new ArrayList<>();
        if (runtime == null || bundle.getState() != Bundle.ACTIVE) {
            return problems;
        }
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO config : runtime.getComponentConfigurationDTOs(description)) {
                if (config.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    problems.add(new Problem(description.name, true, firstLine(config.failure)));
                } else if (config.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    for (UnsatisfiedReferenceDTO ref : config.unsatisfiedReferences) {
                        problems.add(new Problem(description.name, false, "waits for " + ref.name
                                + (ref.target == null ? "" : " " + ref.target)));
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Whether Declarative Services has not finished with the bundle yet: SCR works asynchronously, so a
     * bundle can be ACTIVE while its components are still unknown, not yet enabled, or about to bind the
     * module's own database. Until then the module is not ACTIVE, and health does not say UP.
     */
    public boolean isPending(Bundle bundle) {
        if (bundle.getHeaders("").get("Service-Component") == null) {
            return false;
        }
        ServiceComponentRuntime runtime = scr.getService();
        if (runtime == null) {
            return true;
        }
        var descriptions = runtime.getComponentDescriptionDTOs(bundle);
        if (descriptions.isEmpty()) {
            return true;
        }
        for (ComponentDescriptionDTO description : descriptions) {
            var configurations = runtime.getComponentConfigurationDTOs(description);
            if (description.defaultEnabled && configurations.isEmpty() && !"require".equals(description.configurationPolicy)) {
                return true;
            }
            for (ComponentConfigurationDTO config : configurations) {
                for (UnsatisfiedReferenceDTO ref : config.unsatisfiedReferences) {
                    if (waitsForModuleDatabase(description, ref)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean waitsForModuleDatabase(ComponentDescriptionDTO description, UnsatisfiedReferenceDTO ref) {
        for (var reference : description.references) {
            if (reference.name.equals(ref.name) && ModuleDatabase.class.getName().equals(reference.interfaceName)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        scr.close();
    }

    private static String firstLine(String failure) {
        if (failure == null) {
            return "activation failed";
        }
        // the DTO carries a whole stack trace; the first "Caused by" (or the first line) says why
        int caused = failure.lastIndexOf("Caused by: ");
        String text = caused >= 0 ? failure.substring(caused + "Caused by: ".length()) : failure;
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }
}
