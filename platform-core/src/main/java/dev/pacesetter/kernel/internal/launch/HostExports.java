package dev.pacesetter.kernel.internal.launch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.Manifest;

import dev.pacesetter.kernel.internal.config.ConfigException;
import dev.pacesetter.platform.api.ModuleDescriptor;

/**
 * Computes {@code org.osgi.framework.system.packages.extra}: the packages the host class path shares with
 * bundles, copied verbatim (versions and uses constraints included) from the {@code Export-Package}
 * headers of the host jars that are themselves bundles. Versions therefore always equal what the jars
 * declare, and what bnd imports in plugins resolves. A plugin on the host class path stops the start.
 */
final class HostExports {

    /** Host jars whose packages plugins may import: the SDK and the few libraries it exposes. */
    static final Set<String> SHARED_BUNDLES = Set.of(
            "dev.pacesetter.platform.api",
            "com.fasterxml.jackson.core.jackson-annotations",
            "slf4j.api",
            "org.osgi.service.component",
            "org.osgi.service.event",
            "org.osgi.util.promise",
            "org.osgi.util.function");

    private HostExports() {
    }

    private static String jarOf(URL manifest) {
        String text = manifest.toString();
        int bang = text.indexOf("!/");
        return bang < 0 ? text : text.substring(text.lastIndexOf('/', bang) + 1, bang);
    }

    static String compute(ClassLoader loader) {
        List<String> exports = new ArrayList<>();
        List<String> found = new ArrayList<>();
        List<String> plugins = new ArrayList<>();
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                URL url = manifests.nextElement();
                try (InputStream in = url.openStream()) {
                    var attributes = new Manifest(in).getMainAttributes();
                    String bsn = attributes.getValue("Bundle-SymbolicName");
                    String export = attributes.getValue("Export-Package");
                    if (attributes.getValue(ModuleDescriptor.MANIFEST_HEADER) != null) {
                        plugins.add(jarOf(url));
                    }
                    if (bsn != null && export != null && SHARED_BUNDLES.contains(bsn.split(";")[0].trim())) {
                        exports.add(export);
                        found.add(bsn.split(";")[0].trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the kernel class path manifests", e);
        }
        if (!plugins.isEmpty()) {
            // the framework would hide from the kernel every service naming the plugin's private classes
            throw new ConfigException("plugin jars are on the kernel's class path: " + String.join(", ", plugins)
                    + ". Plugins belong in bundles/ or deploy/; remove them from lib/ (or from -cp) and start again");
        }
        if (!found.containsAll(SHARED_BUNDLES)) {
            List<String> missing = new ArrayList<>(SHARED_BUNDLES);
            missing.removeAll(found);
            throw new IllegalStateException("the kernel class path lacks " + missing + "; the installation is incomplete");
        }
        return String.join(",", exports);
    }
}
