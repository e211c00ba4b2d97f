package dev.pacesetter.kernel.internal.console;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

import dev.pacesetter.kernel.internal.modules.ModuleRecord;
import dev.pacesetter.kernel.internal.modules.Whiteboard;
import dev.pacesetter.platform.api.console.ConsoleContribution;
import dev.pacesetter.platform.api.console.ConsolePage;
import dev.pacesetter.platform.api.console.ConsoleWidget;

/**
 * Whiteboard for {@link ConsoleContribution}s: what each module adds to the web console, and the files it may serve.
 * A contribution whose ids or files are wrong is refused as a whole (the module reports why), never half shown.
 */
public final class ConsoleContributions implements ServiceTrackerCustomizer<ConsoleContribution, ConsoleContributions.Contributed> {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");
    private static final String WHAT = "Console contribution";

    /** One module's accepted contribution. */
    public record Contributed(String moduleId, Bundle bundle, String resources, List<ConsolePage> pages, List<ConsoleWidget> widgets) {
    }

    private final BundleContext context;
    private final Whiteboard whiteboard;
    private final Map<ServiceReference<ConsoleContribution>, Contributed> contributed = new ConcurrentHashMap<>();
    private final ServiceTracker<ConsoleContribution, Contributed> tracker;

    public ConsoleContributions(BundleContext context, Whiteboard whiteboard) {
        this.context = context;
        this.whiteboard = whiteboard;
        this.tracker = new ServiceTracker<>(context, ConsoleContribution.class, this);
    }

    public void open() {
        tracker.open(true);
    }

    public void close() {
        tracker.close();
    }

    @Override
    public Contributed addingService(ServiceReference<ConsoleContribution> reference) {
        Bundle bundle = reference.getBundle();
        Optional<ModuleRecord> module = whiteboard.modules().recordOf(bundle).filter(r -> r.descriptor() != null);
        if (module.isEmpty()) {
            whiteboard.refuse(reference, WHAT, "is not used: bundle " + bundle.getSymbolicName() + " declares no Pacesetter-Module");
            return null;
        }
        ConsoleContribution contribution = whiteboard.obtain(reference, ConsoleContribution.class, WHAT).orElse(null);
        if (contribution == null) {
            return null;
        }
        try {
            String resources = folder(contribution.resources());
            List<ConsolePage> pages = List.copyOf(contribution.pages());
            List<ConsoleWidget> widgets = List.copyOf(contribution.widgets());
            List<String> problems = new ArrayList<>();
            pages.forEach(p -> check(bundle, resources, "page", p.id(), p.titleKey(), p.script(), problems));
            widgets.forEach(w -> check(bundle, resources, "widget", w.id(), w.titleKey(), w.script(), problems));
            if (!problems.isEmpty()) {
                whiteboard.refuseObtained(reference, WHAT, "is not used: " + String.join("; ", problems));
                return null;
            }
            Contributed accepted = new Contributed(module.get().id(), bundle, resources, pages, widgets);
            contributed.put(reference, accepted);
            return accepted;
        } catch (RuntimeException e) {
            whiteboard.refuseObtained(reference, WHAT, "is not used: it failed to describe itself (" + e + ")");
            return null;
        }
    }

    @Override
    public void modifiedService(ServiceReference<ConsoleContribution> reference, Contributed service) {
    }

    @Override
    public void removedService(ServiceReference<ConsoleContribution> reference, Contributed service) {
        contributed.remove(reference);
        context.ungetService(reference);
    }

    /** Every accepted contribution, in module order. */
    public List<Contributed> all() {
        return contributed.values().stream().sorted(java.util.Comparator.comparing(Contributed::moduleId)).toList();
    }

    /**
     * A file a module's contribution lets the console load: inside its resources folder, by a plain relative path (no
     * {@code ..}, no hidden files, no folder names outside {@code [A-Za-z0-9._-]}).
     */
    public Optional<URL> asset(String moduleId, String path) {
        if (!safe(path)) {
            return Optional.empty();
        }
        for (Contributed c : contributed.values()) {
            if (c.moduleId().equals(moduleId)) {
                URL entry = c.bundle().getEntry(c.resources() + "/" + path);
                if (entry != null) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }

    private static void check(Bundle bundle, String resources, String kind, String id, String titleKey, String script, List<String> problems) {
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(kind + " id '" + id + "' must be lower-case letters, digits and dashes");
        }
        if (titleKey == null || !titleKey.startsWith("console.")) {
            problems.add(kind + " " + id + ": its title key '" + titleKey + "' must start with 'console.' (a key in the bundle's message files)");
        }
        if (!safe(script)) {
            problems.add(kind + " " + id + ": script '" + script + "' must be a plain relative path such as pages/list.js");
        } else if (bundle.getEntry(resources + "/" + script) == null) {
            problems.add(kind + " " + id + ": the bundle has no " + resources + "/" + script);
        }
    }

    private static String folder(String resources) {
        String folder = resources == null ? "" : resources.replaceAll("^/+|/+$", "");
        if (!safe(folder)) {
            throw new IllegalArgumentException("resources folder '" + resources + "' must be a plain relative path such as console");
        }
        return folder;
    }

    static boolean safe(String path) {
        if (path == null || path.isEmpty() || path.length() > 300) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }
}
