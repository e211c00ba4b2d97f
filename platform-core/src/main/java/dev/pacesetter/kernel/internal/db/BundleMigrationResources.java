package dev.pacesetter.kernel.internal.db;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.osgi.framework.Bundle;

/**
 * Gives Flyway the scripts of one bundle folder through {@link Bundle#findEntries}, so Flyway's class-path
 * scanner (which breaks inside OSGi) never runs.
 */
final class BundleMigrationResources implements ResourceProvider {

    private final Bundle bundle;
    private final String location;

    BundleMigrationResources(Bundle bundle, String location) {
        this.bundle = bundle;
        this.location = trimSlashes(location);
    }

    @Override
    public LoadableResource getResource(String name) {
        URL url = bundle.getEntry(location + "/" + name);
        return url == null ? null : new BundleSqlResource(url, location, name);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(location, "*", false);
        if (entries == null) {
            return found;
        }
        while (entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String path = url.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.startsWith(prefix) && hasSuffix(name, suffixes)) {
                found.add(new BundleSqlResource(url, location, name));
            }
        }
        return found;
    }

    private static boolean hasSuffix(String name, String[] suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static String trimSlashes(String location) {
        String trimmed = location;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
