import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes the baseline form of a bundle: its manifest, byte for byte, and the entries of its exported packages, nothing
 * else (no private packages, no embedded libraries, no DS descriptors). That is all bnd's baseline compares: the
 * exported packages' API and versions and the Bundle-Version. Entry times are copied as local date-times, so the output
 * is the same on every machine for the same input.
 *
 * <p>Run with {@code java ApiJar.java <bundle.jar> <out.jar>}; prints the exported packages it kept and their versions.
 */
public final class ApiJar {

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java ApiJar.java <bundle.jar> <out.jar>");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        try (ZipFile zip = new ZipFile(in.toFile())) {
            ZipEntry manifestEntry = zip.getEntry("META-INF/MANIFEST.MF");
            if (manifestEntry == null) {
                throw new IOException(in + " has no META-INF/MANIFEST.MF");
            }
            Manifest manifest;
            try (InputStream m = zip.getInputStream(manifestEntry)) {
                manifest = new Manifest(m);
            }
            String exports = manifest.getMainAttributes().getValue("Export-Package");
            if (exports == null || exports.isBlank()) {
                throw new IOException(in + " exports no package: nothing to baseline");
            }
            Map<String, String> packages = exportedPackages(exports);

            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(out); ZipOutputStream jar = new ZipOutputStream(file)) {
                copy(zip, zip.getEntry("META-INF/"), jar);
                copy(zip, manifestEntry, jar);
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    String name = entry.getName();
                    int slash = name.lastIndexOf('/');
                    if (entry.isDirectory() || slash < 0) {
                        continue;
                    }
                    if (packages.containsKey(name.substring(0, slash).replace('/', '.'))) {
                        copy(zip, entry, jar);
                    }
                }
            }
            packages.forEach((p, v) -> System.out.printf("  %-45s %s%n", p, v));
        }
    }

    private static void copy(ZipFile zip, ZipEntry entry, ZipOutputStream jar) throws IOException {
        if (entry == null) {
            return;
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTimeLocal(entry.getTimeLocal());
        jar.putNextEntry(copy);
        if (!entry.isDirectory()) {
            try (InputStream data = zip.getInputStream(entry)) {
                data.transferTo(jar);
            }
        }
        jar.closeEntry();
    }

    /**
     * The packages of an Export-Package header and their versions: clauses split on commas outside quotes, each clause
     * one or more names, then attributes and directives.
     */
    static Map<String, String> exportedPackages(String header) {
        Map<String, String> packages = new LinkedHashMap<>();
        for (String clause : split(header, ',')) {
            List<String> names = new ArrayList<>();
            String version = "0.0.0";
            for (String part : split(clause, ';')) {
                String p = part.trim();
                if (p.startsWith("version=")) {
                    version = p.substring("version=".length()).replace("\"", "");
                } else if (!p.contains("=") && !p.isEmpty()) {
                    names.add(p);
                }
            }
            for (String name : names) {
                packages.put(name, version);
            }
        }
        return packages;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
