package dev.pacesetter.kernel.internal.bundles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

import dev.pacesetter.platform.api.ModuleDescriptor;

/**
 * Decides whether an uploaded file is an OSGi bundle before anything is installed: a readable jar
 * (every entry decompresses and matches its checksum) whose manifest names a symbolic name and a
 * version in OSGi R4+ form.
 */
final class JarInspection {

    /** What the manifest says. */
    record BundleIdentity(String symbolicName, Version version, String moduleHeader) {
    }

    /** Why a file is not an installable bundle; the message is meant for the uploader. */
    static final class NotABundle extends Exception {
        NotABundle(String message) {
            super(message);
        }
    }

    private JarInspection() {
    }

    static BundleIdentity inspect(Path jar) throws NotABundle {
        Manifest manifest;
        try (InputStream file = Files.newInputStream(jar); JarInputStream in = new JarInputStream(file, true)) {
            manifest = in.getManifest();
            byte[] buffer = new byte[64 * 1024];
            int entries = 0;
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                while (in.read(buffer) >= 0) {
                    // reading every entry to its end makes the stream check its size and CRC
                }
                entries++;
            }
            if (manifest == null && entries == 0) {
                throw new NotABundle("The file is not a jar (zip) archive.");
            }
        } catch (IOException | SecurityException e) {
            throw new NotABundle("The jar is corrupt: " + e.getMessage() + ".");
        }
        if (manifest == null) {
            throw new NotABundle("The jar has no META-INF/MANIFEST.MF, so it is not an OSGi bundle.");
        }
        String manifestVersion = manifest.getMainAttributes().getValue(Constants.BUNDLE_MANIFESTVERSION);
        String symbolicName = manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (!"2".equals(manifestVersion == null ? null : manifestVersion.trim()) || symbolicName == null || symbolicName.isBlank()) {
            throw new NotABundle("The jar's manifest has no Bundle-ManifestVersion: 2 and Bundle-SymbolicName, so it is not an OSGi bundle.");
        }
        String name = symbolicName.split(";", 2)[0].trim();
        Version version;
        try {
            version = Version.parseVersion(manifest.getMainAttributes().getValue(Constants.BUNDLE_VERSION));
        } catch (IllegalArgumentException e) {
            throw new NotABundle("The jar's Bundle-Version is not an OSGi version: " + e.getMessage() + ".");
        }
        return new BundleIdentity(name, version, manifest.getMainAttributes().getValue(ModuleDescriptor.MANIFEST_HEADER));
    }
}
