package dev.pacesetter.distribution.catalogue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.pacesetter.platform.api.events.EventPayload;

/**
 * Writes {@code docs/events.md} from the {@link EventPayload} annotations of every {@code api} package on the class path
 * (the SDK's and the plugins'): each topic, when it is published, its aggregate and its payload's fields.
 */
final class EventCatalogue {

    /** One topic and the type its events carry. */
    record Entry(String topic, String when, String aggregate, Class<?> payload) {
    }

    private EventCatalogue() {
    }

    static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Class<?> type : apiClasses()) {
            for (EventPayload payload : type.getAnnotationsByType(EventPayload.class)) {
                entries.add(new Entry(payload.topic(), payload.when(), payload.aggregate(), type));
            }
        }
        entries.sort(Comparator.comparing(Entry::topic));
        return entries;
    }

    static String markdown(List<Entry> entries) {
        StringBuilder md = new StringBuilder();
        md.append("# Event catalogue\n\n")
                .append("Every topic the platform and the shipped plugins publish, with its payload. **Generated** from the `@EventPayload`\n")
                .append("annotations of the `api` packages by `EventCatalogueTest`, which fails when this page is out of date; to rewrite it:\n\n")
                .append("```sh\nmvn -B -q test -pl distribution -am -Dtest=EventCatalogueTest -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dpacesetter.catalogue.write=true\n```\n\n")
                .append("Events are JSON; subscribe with an `EventSubscriber` (see [the plugin guide](plugin-guide.md)) or a webhook\n")
                .append("([webhooks](api/webhooks.md)), and read a payload with `event.payload(TheType.class)`.\n\n")
                .append("**How payloads evolve.** Within a major version of its `api` package a payload only gains fields. Readers ignore\n")
                .append("fields they do not know, and treat a field missing from an older event as absent (`null`). Removing or retyping a\n")
                .append("field is a major change of the package and comes with a new topic name. Times are ISO-8601 instants, amounts\n")
                .append("decimal strings with their currency beside them.\n\n")
                .append("| topic | published when | aggregate id | payload |\n|---|---|---|---|\n");
        for (Entry e : entries) {
            md.append("| [`").append(e.topic()).append("`](#").append(anchor(e.topic())).append(") | ").append(e.when()).append(" | ")
                    .append(e.aggregate().isEmpty() ? "" : e.aggregate()).append(" | `").append(e.payload().getSimpleName()).append("` |\n");
        }
        for (Entry e : entries) {
            md.append("\n## ").append(e.topic()).append("\n\n").append(capitalised(e.when())).append(". Payload `")
                    .append(e.payload().getName()).append("`:\n\n");
            fields(md, e.payload(), new LinkedHashSet<>());
        }
        return md.toString();
    }

    private static void fields(StringBuilder md, Class<?> type, Set<Class<?>> shown) {
        shown.add(type);
        md.append("| field | type |\n|---|---|\n");
        List<Class<?>> nested = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            md.append("| `").append(component.getName()).append("` | ").append(typeText(component.getGenericType(), nested)).append(" |\n");
        }
        for (Class<?> inner : nested) {
            if (!shown.contains(inner)) {
                md.append("\n`").append(inner.getSimpleName()).append("`:\n\n");
                fields(md, inner, shown);
            }
        }
    }

    private static String typeText(Type type, List<Class<?>> nested) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw))) {
            return "array of " + typeText(p.getActualTypeArguments()[0], nested);
        }
        if (!(type instanceof Class<?> c)) {
            return type.getTypeName();
        }
        if (c.isPrimitive()) {
            return c == boolean.class ? "boolean" : "number (" + c.getName() + ")";
        }
        if (c.isEnum()) {
            return "one of " + Arrays.stream(c.getEnumConstants()).map(o -> "`" + ((Enum<?>) o).name() + "`").collect(Collectors.joining(", "));
        }
        if (c.isRecord()) {
            nested.add(c);
            return "`" + c.getSimpleName() + "` (below)";
        }
        return switch (c.getName()) {
            case "java.lang.String" -> "string, may be null";
            case "java.lang.Long", "java.lang.Integer" -> "number, may be null";
            case "java.lang.Boolean" -> "boolean, may be null";
            case "java.math.BigDecimal" -> "decimal, may be null";
            case "java.time.Instant" -> "ISO-8601 instant, may be null";
            case "java.time.LocalDate" -> "ISO-8601 date, may be null";
            default -> "`" + c.getSimpleName() + "`";
        };
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** GitHub's heading anchor: lower case, punctuation other than '-' and '_' dropped. */
    static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    /**
     * Classes in {@code dev/pacesetter/**}{@code /api/} packages on the class path: the SDK's and the shipped plugins'
     * (the distribution depends on every plugin it ships, so their jars are on its test class path).
     */
    private static List<Class<?>> apiClasses() {
        Set<String> names = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            try {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> files = Files.walk(path)) {
                        files.map(f -> path.relativize(f).toString().replace(File.separatorChar, '/')).forEach(n -> addIfApi(n, names));
                    }
                } else if (path.toString().endsWith(".jar") && Files.isRegularFile(path)) {
                    try (JarFile jar = new JarFile(path.toFile())) {
                        jar.stream().forEach(e -> addIfApi(e.getName(), names));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(load(name));
        }
        return classes;
    }

    /** A class of the SDK or of a shipped plugin's api package. */
    static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventCatalogue.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }

    /** The source tree's root: the folder holding platform-core/ and docs/. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isDirectory(dir.resolve("platform-core"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no source tree above " + Path.of("").toAbsolutePath());
    }

    private static void addIfApi(String resource, Set<String> names) {
        if (resource.startsWith("dev/pacesetter/") && resource.contains("/api/") && resource.endsWith(".class")
                && !resource.contains("$") && !resource.endsWith("package-info.class")) {
            names.add(resource.substring(0, resource.length() - ".class".length()).replace('/', '.'));
        }
    }
}
