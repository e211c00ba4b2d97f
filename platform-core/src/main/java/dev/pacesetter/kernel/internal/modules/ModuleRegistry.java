package dev.pacesetter.kernel.internal.modules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.platform.api.Dimension;
import dev.pacesetter.platform.api.ModuleDescriptor;

/**
 * Extender that recognises module bundles by their {@code Pacesetter-Module} header from the moment they
 * are installed, so a module is known (and can be reported) even when none of its components activate.
 * The kernel itself is the {@value #PLATFORM} module, provided by the system bundle.
 */
public final class ModuleRegistry implements BundleTrackerCustomizer<ModuleRecord> {

    public static final String PLATFORM = "platform";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleRegistry.class);
    private static final int ALL_BUT_UNINSTALLED = Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    private final Map<Long, ModuleRecord> byBundle = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final BundleTracker<ModuleRecord> tracker;

    public ModuleRegistry(BundleContext systemContext, String kernelVersion) {
        Bundle system = systemContext.getBundle();
        byBundle.put(system.getBundleId(), new ModuleRecord(system,
                new ModuleDescriptor(PLATFORM, "Pacesetter platform", Dimension.PLATFORM, kernelVersion), null));
        this.tracker = new BundleTracker<>(systemContext, ALL_BUT_UNINSTALLED, this);
    }

    public void open() {
        tracker.open();
    }

    public void close() {
        tracker.close();
    }

    /** Called after any change that can alter a module's state or routes. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public void changed() {
        listeners.forEach(Runnable::run);
    }

    /** The module record of a bundle, if the bundle declares a module. */
    public Optional<ModuleRecord> recordOf(Bundle bundle) {
        return Optional.ofNullable(byBundle.get(bundle.getBundleId()));
    }

    /**
     * The module of {@code bundle}, looked up when the returned supplier is called: a bundle that declares
     * no module gets an {@link IllegalStateException} saying it cannot {@code doWhat}.
     */
    public java.util.function.Supplier<String> moduleOf(Bundle bundle, String doWhat) {
        return () -> recordOf(bundle).map(ModuleRecord::id).orElseThrow(() -> new IllegalStateException(
                "bundle " + bundle.getSymbolicName() + " declares no Pacesetter module, so it cannot " + doWhat));
    }

    /** The module {@code id}, from the bundle installed first if several declare it. */
    public Optional<ModuleRecord> record(String id) {
        return records().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Every module, platform first, then in bundle install order. */
    public List<ModuleRecord> records() {
        List<ModuleRecord> all = new ArrayList<>(byBundle.values());
        all.sort(Comparator.comparingLong(r -> r.bundle().getBundleId()));
        return all;
    }

    /** The bundle that provides {@code id} first, if a bundle with a lower id claims the same module id. */
    public Optional<ModuleRecord> earlierProviderOf(ModuleRecord record) {
        return records().stream()
                .filter(other -> other != record && other.id().equals(record.id())
                        && other.bundle().getBundleId() < record.bundle().getBundleId())
                .findFirst();
    }

    @Override
    public ModuleRecord addingBundle(Bundle bundle, BundleEvent event) {
        String header = bundle.getHeaders("").get(ModuleDescriptor.MANIFEST_HEADER);
        if (header == null) {
            return null;
        }
        ModuleRecord record = new ModuleRecord(bundle, null, null);
        declare(record, header);
        byBundle.put(bundle.getBundleId(), record);
        LOG.info("Module {} found in bundle {} {}", record.id(), bundle.getSymbolicName(), bundle.getVersion());
        changed();
        return record;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, ModuleRecord record) {
        if (event != null && event.getType() == BundleEvent.UPDATED) {
            String header = bundle.getHeaders("").get(ModuleDescriptor.MANIFEST_HEADER);
            declare(record, header == null ? "" : header);
            record.startFailure(null);
        }
        changed();
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ModuleRecord record) {
        byBundle.remove(bundle.getBundleId(), record);
        LOG.info("Module {} removed", record.id());
        changed();
    }

    private static void declare(ModuleRecord record, String header) {
        Bundle bundle = record.bundle();
        try {
            record.redeclare(ModuleHeader.parse(header, bundle.getVersion().toString()), null);
        } catch (IllegalArgumentException e) {
            String error = "invalid " + ModuleDescriptor.MANIFEST_HEADER + " header '" + header + "': " + e.getMessage();
            LOG.error("Bundle {}: {}", bundle.getSymbolicName(), error);
            record.redeclare(null, error);
        }
    }
}
