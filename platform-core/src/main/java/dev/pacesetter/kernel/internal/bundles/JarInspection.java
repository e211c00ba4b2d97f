package dev.pacesetter.kernel.internal.bundles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

import dev.pacesetter.platform.api.ModuleDescriptor;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * Decides whether an uploaded file is an OSGi bundle before anything is installed: a readable jar
 * (every entry decompresses and matches its checksum) whose manifest names a symbolic name and a
 * version in OSGi R4+ form.
 */
final class JarInspection {

    /** What the manifest says. */
    record BundleIdentity(SymbolicName name, Version version, String moduleHeader) {
        String symbolicName() {
            return name.value();
        }
    }

    /** Why a file is not an installable bundle; the message is meant for the uploader, the code for programs. */
    static final class NotABundle extends Exception {
        private final String code;

        private final transient Message text;

        NotABundle(Message text) {
            this("not_a_bundle", text);
        }

        NotABundle(String code, Message text) {
            super(text.toString());
            this.code = code;
            this.text = text;
        }

        /** Why, in the reader's language. */
        Message text() {
            return text;
        }

        String code() {
            return code;
        }
    }

    private JarInspection() {
    }

    static BundleIdentity inspect(Path jar) throws NotABundle {
        Manifest manifest;
        Set<String> streamed = new HashSet<>();
        try (InputStream file = Files.newInputStream(jar); JarInputStream in = new JarInputStream(file, true)) {
            manifest = in.getManifest();
            byte[] buffer = new byte[64 * 1024];
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                while (in.read(buffer) >= 0) {
                    // reading every entry to its end makes the stream check its size and CRC
                }
                streamed.add(entry.getName());
            }
            if (manifest == null && streamed.isEmpty()) {
                throw new NotABundle(Message.of("error.not_a_bundle.not_a_jar"));
            }
        } catch (IOException | SecurityException e) {
            throw new NotABundle(Message.of("error.not_a_bundle.corrupt", String.valueOf(e.getMessage())));
        }
        checkCentralDirectory(jar, streamed);
        if (manifest == null) {
            throw new NotABundle(Message.of("error.not_a_bundle.no_manifest"));
        }
        String manifestVersion = manifest.getMainAttributes().getValue(Constants.BUNDLE_MANIFESTVERSION);
        String symbolicName = manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (!"2".equals(manifestVersion == null ? null : manifestVersion.trim()) || symbolicName == null || symbolicName.isBlank()) {
            throw new NotABundle(Message.of("error.not_a_bundle.no_headers"));
        }
        SymbolicName name = SymbolicName.fromHeader(symbolicName).orElseThrow(() -> new NotABundle("invalid_symbolic_name",
                Message.of("error.invalid_symbolic_name", SymbolicName.MAX_LENGTH)));
        Version version;
        try {
            version = Version.parseVersion(manifest.getMainAttributes().getValue(Constants.BUNDLE_VERSION));
        } catch (IllegalArgumentException e) {
            throw new NotABundle(Message.of("error.not_a_bundle.version", String.valueOf(e.getMessage())));
        }
        return new BundleIdentity(name, version, manifest.getMainAttributes().getValue(ModuleDescriptor.MANIFEST_HEADER));
    }

    private static boolean isManifestEntry(String name) {
        return name.equalsIgnoreCase("META-INF/") || name.equalsIgnoreCase("META-INF/MANIFEST.MF");
    }

    /**
     * The streaming read above stops quietly where the local entries end, so a jar cut off at an entry
     * boundary or inside its central directory passes it; the framework, however, reads the central
     * directory. It must exist, be complete and list exactly the entries that were read and checked.
     */
    private static void checkCentralDirectory(Path jar, Set<String> streamed) throws NotABundle {
        Set<String> listed = new HashSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(entry -> listed.add(entry.getName()));
        } catch (IOException | RuntimeException e) {
            throw new NotABundle(Message.of("error.not_a_bundle.directory", String.valueOf(e.getMessage())));
        }
        // JarInputStream hands the manifest (and the META-INF/ folder before it) over as the manifest, not as entries
        listed.removeIf(JarInspection::isManifestEntry);
        streamed.removeIf(JarInspection::isManifestEntry);
        if (!listed.equals(streamed)) {
            throw new NotABundle(Message.of("error.not_a_bundle.truncated", listed.size(), streamed.size()));
        }
    }
}
