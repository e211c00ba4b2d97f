package dev.pacesetter.kernel.internal.modules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;

/** Names what keeps a bundle from resolving: the mandatory imports that no installed bundle provides. */
public final class MissingRequirements {

    private static final Pattern NAME = Pattern.compile("osgi\\.wiring\\.package=([^)]+)");
    private static final Pattern LOW = Pattern.compile("\\(version>=([^)]+)\\)");
    private static final Pattern HIGH = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");

    private final FrameworkWiring wiring;

    public MissingRequirements(Bundle systemBundle) {
        this.wiring = systemBundle.adapt(FrameworkWiring.class);
    }

    /** E.g. {@code package dev.pacesetter.leads.api [1.0,2)}; empty if every mandatory import has a provider. */
    public List<String> of(Bundle bundle) {
        List<String> missing = new ArrayList<>();
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return missing;
        }
        for (Requirement requirement : revision.getRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            boolean optional = Namespace.RESOLUTION_OPTIONAL.equals(requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
            if (!optional && wiring.findProviders(requirement).isEmpty()) {
                missing.add(describe(requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE)));
            }
        }
        return missing;
    }

    /** Turns {@code (&(osgi.wiring.package=x)(version>=1.0.0)(!(version>=2.0.0)))} into {@code package x [1.0.0,2.0.0)}. */
    static String describe(String filter) {
        if (filter == null) {
            return "an unnamed package";
        }
        Matcher name = NAME.matcher(filter);
        Matcher low = LOW.matcher(filter);
        Matcher high = HIGH.matcher(filter);
        String range = low.find() ? " [" + low.group(1) + "," + (high.find() ? high.group(1) + ")" : "∞)") : "";
        return "package " + (name.find() ? name.group(1) : filter) + range;
    }
}
