package dev.pacesetter.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Sorts the test's class path into what the kernel runs on and the bundles it installs: plugin bundles (a
 * {@code Pacesetter-Module} header) and the framework's infrastructure bundles go to {@code bundles/}; the rest is the
 * kernel's class path. A plugin must never be on the kernel's class path (the kernel refuses to start).
 */
final class ClassPathBundles {

    static final Set<String> INFRASTRUCTURE = Set.of("org.apache.felix.scr", "org.apache.felix.configadmin", "org.apache.felix.eventadmin",
            "org.apache.felix.fileinstall");

    final List<Path> kernelClassPath = new ArrayList<>();
    final List<Path> bundles = new ArrayList<>();
    /** The plugins among {@link #bundles}, by the module id their {@code Pacesetter-Module} header names. */
    final Map<String, Path> plugins = new LinkedHashMap<>();

    static ClassPathBundles ofThisJvm() {
        ClassPathBundles sorted = new ClassPathBundles();
        for (Path entry : entries()) {
            Optional<Manifest> manifest = manifest(entry);
            Attributes main = manifest.map(Manifest::getMainAttributes).orElse(null);
            String bsn = main == null ? null : main.getValue("Bundle-SymbolicName");
            String name = bsn == null ? null : bsn.split(";")[0].trim();
            String module = main == null ? null : main.getValue("Pacesetter-Module");
            if (module != null) {
                Path jar = Files.isDirectory(entry) ? packagedJar(entry, name) : entry;
                sorted.bundles.add(jar);
                sorted.plugins.put(module.split(";")[0].trim(), jar);
            } else if (name != null && INFRASTRUCTURE.contains(name)) {
                sorted.bundles.add(entry);
            } else {
                sorted.kernelClassPath.add(entry);
            }
        }
        return sorted;
    }

    /** The jar of the plugin whose module is {@code module}; an {@link IllegalArgumentException} naming those there are. */
    Path plugin(String module) {
        Path jar = plugins.get(module);
        if (jar == null) {
            throw new IllegalArgumentException("no plugin of module '" + module + "' on the test class path; there are " + plugins.keySet());
        }
        return jar;
    }

    /** The class path entries, with manifest-only jars (Surefire's and Failsafe's booters) expanded. */
    private static Set<Path> entries() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath();
            String classPath = manifest(path).map(m -> m.getMainAttributes().getValue("Class-Path")).orElse(null);
            if (classPath != null && path.getFileName().toString().startsWith("surefire")) {
                for (String url : classPath.trim().split("\\s+")) {
                    entries.add(Path.of(path.toUri().resolve(URI.create(url))));
                }
            } else {
                entries.add(path);
            }
        }
        return entries;
    }

    private static Optional<Manifest> manifest(Path entry) {
        try {
            if (Files.isDirectory(entry)) {
                Path file = entry.resolve("META-INF/MANIFEST.MF");
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try (InputStream in = Files.newInputStream(file)) {
                    return Optional.of(new Manifest(in));
                }
            }
            if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
                return Optional.empty();
            }
            try (JarFile jar = new JarFile(entry.toFile())) {
                return Optional.ofNullable(jar.getManifest());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + entry, e);
        }
    }

    /** The jar the plugin under test was packaged into, next to its classes folder (integration tests run after package). */
    private static Path packagedJar(Path classes, String bsn) {
        Path target = classes.getParent();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.toString().endsWith(".jar"))
                    .filter(f -> manifest(f).map(m -> m.getMainAttributes().getValue("Bundle-SymbolicName")).map(v -> v.split(";")[0].trim())
                            .filter(v -> v.equals(bsn)).isPresent())
                    .findFirst().orElseThrow(() -> new IllegalStateException("the plugin in " + classes + " is not packaged yet: run its"
                            + " integration tests with Failsafe (mvn verify), after the package phase"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
