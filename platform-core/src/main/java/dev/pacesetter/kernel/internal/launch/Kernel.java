package dev.pacesetter.kernel.internal.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.time.Clock;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariDataSource;

import dev.pacesetter.kernel.internal.bulkhead.ConnectionShares;
import dev.pacesetter.kernel.internal.bulkhead.RequestBulkheads;
import dev.pacesetter.kernel.internal.config.ConfigException;
import dev.pacesetter.kernel.internal.console.ConsoleContributions;
import dev.pacesetter.kernel.internal.permissions.PermissionCatalogue;
import dev.pacesetter.kernel.internal.permissions.PermissionRoutes;
import dev.pacesetter.kernel.internal.console.ConsoleRoutes;
import dev.pacesetter.kernel.internal.config.KernelConfig;
import dev.pacesetter.kernel.internal.db.PooledDataSource;
import dev.pacesetter.kernel.internal.db.MigrationRepairRoutes;
import dev.pacesetter.kernel.internal.db.ModuleDatabaseVisibility;
import dev.pacesetter.kernel.internal.db.SchemaMigrator;
import dev.pacesetter.kernel.internal.audit.AuditRoutes;
import dev.pacesetter.kernel.internal.audit.AuditTrail;
import dev.pacesetter.kernel.internal.bundles.BundleRoutes;
import dev.pacesetter.kernel.internal.db.CommitHooks;
import dev.pacesetter.kernel.internal.db.KernelModuleDatabase;
import dev.pacesetter.kernel.internal.events.EventAdminBridge;
import dev.pacesetter.kernel.internal.events.Doorbell;
import dev.pacesetter.kernel.internal.events.EventDelivery;
import dev.pacesetter.kernel.internal.events.PostgresWakeups;
import dev.pacesetter.kernel.internal.events.EventLogRoutes;
import dev.pacesetter.kernel.internal.events.EventPublisherFactory;
import dev.pacesetter.kernel.internal.events.OutboxWriter;
import dev.pacesetter.kernel.internal.gateway.ErrorTexts;
import dev.pacesetter.kernel.internal.gateway.RequestLanguage;
import dev.pacesetter.kernel.internal.i18n.MessageCatalogs;
import dev.pacesetter.kernel.internal.i18n.MessagesFactory;
import dev.pacesetter.kernel.internal.events.EventRoutes;
import dev.pacesetter.kernel.internal.events.EventTuning;
import dev.pacesetter.kernel.internal.gateway.AccessControl;
import dev.pacesetter.kernel.internal.mail.MailDelivery;
import dev.pacesetter.kernel.internal.mail.MailRoutes;
import dev.pacesetter.kernel.internal.modules.ModuleRecord;
import dev.pacesetter.kernel.internal.notify.NotificationRoutes;
import dev.pacesetter.kernel.internal.notify.NotifierFactory;
import dev.pacesetter.kernel.internal.notify.PreferenceRoutes;
import dev.pacesetter.kernel.internal.pilot.EnablementRoutes;
import dev.pacesetter.kernel.internal.pilot.ModuleEnablementFactory;
import dev.pacesetter.kernel.internal.pilot.PilotEnablement;
import dev.pacesetter.kernel.internal.schedule.DeadlinesFactory;
import dev.pacesetter.kernel.internal.schedule.JobRoutes;
import dev.pacesetter.kernel.internal.schedule.PlatformScheduler;
import dev.pacesetter.platform.api.schedule.Deadlines;
import dev.pacesetter.kernel.internal.webhooks.Webhooks;
import dev.pacesetter.platform.api.events.EventPublisher;
import dev.pacesetter.platform.api.events.EventSubscriber;
import dev.pacesetter.platform.api.i18n.Messages;
import dev.pacesetter.platform.api.notify.Notifier;
import dev.pacesetter.platform.api.pilot.ModuleEnablement;
import dev.pacesetter.platform.api.org.Organisation;
import dev.pacesetter.platform.api.time.PlatformClock;
import dev.pacesetter.kernel.internal.gateway.ConsoleAssets;
import dev.pacesetter.kernel.internal.gateway.Gateway;
import dev.pacesetter.kernel.internal.gateway.GatewayOptions;
import dev.pacesetter.kernel.internal.identity.Identity;
import dev.pacesetter.kernel.internal.identity.OrganisationService;
import dev.pacesetter.kernel.internal.platform.Readiness;
import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.kernel.internal.gateway.LiveRouteTable;
import dev.pacesetter.kernel.internal.gateway.RouteAssembler;
import dev.pacesetter.kernel.internal.modules.ComponentHealth;
import dev.pacesetter.kernel.internal.modules.MissingRequirements;
import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.kernel.internal.modules.Whiteboard;
import dev.pacesetter.kernel.internal.modules.ModuleStatusReporter;
import dev.pacesetter.kernel.internal.platform.PlatformRoutes;
import dev.pacesetter.kernel.internal.time.ClockRoutes;
import dev.pacesetter.kernel.internal.time.ClockStore;
import dev.pacesetter.kernel.internal.time.KernelClock;
import dev.pacesetter.platform.api.ModuleDescriptor;
import dev.pacesetter.platform.api.http.RouteProvider;

/**
 * The running kernel: database pool, embedded Felix with the boot bundles, and the gateway. The slow,
 * independent parts (pool + H2, Jetty) start in parallel with the framework.
 */
public final class Kernel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Kernel.class);
    /** The webhook dispatcher looks for due deliveries at most this often (or at the events' poll, if slower). */

    private final KernelConfig config;
    private final Framework framework;
    private final HikariDataSource dataSource;
    private final Gateway gateway;
    private final SchemaMigrator migrator;
    private final ComponentHealth components;
    private final AtomicBoolean ready;
    private final List<AutoCloseable> platformParts;
    /** Platform parts that call into bundles (deadlines, jobs, event subscribers): they stop first. */
    private final List<AutoCloseable> beforeBundles;
    private boolean closed;

    private Kernel(KernelConfig config, Framework framework, HikariDataSource dataSource, Gateway gateway, SchemaMigrator migrator,
            ComponentHealth components, AtomicBoolean ready, List<AutoCloseable> beforeBundles, List<AutoCloseable> platformParts) {
        this.platformParts = platformParts;
        this.beforeBundles = beforeBundles;
        this.config = config;
        this.framework = framework;
        this.dataSource = dataSource;
        this.gateway = gateway;
        this.migrator = migrator;
        this.components = components;
        this.ready = ready;
    }

    /**
     * Starts everything and returns once the gateway listens and every boot bundle was started (or failed).
     *
     * @throws ConfigException when the configuration or the database is unusable
     */
    public static Kernel start(KernelConfig config) throws Exception {
        long began = System.nanoTime();
        createFolders(config);
        ExecutorService boot = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "pacesetter-boot");
            t.setDaemon(true);
            return t;
        });
        LiveRouteTable live = new LiveRouteTable();
        JsonCodec json = new JsonCodec();
        Future<HikariDataSource> pool = boot.submit(() -> PooledDataSource.open(config.database(), config.dataDir()));
        AccessControl access = new AccessControl();
        GatewayOptions options = new GatewayOptions(config.host(), config.port(), config.bodyLimitBytes(), config.corsOrigins());
        MessageCatalogs catalogs = MessageCatalogs.withKernelMessages();
        ErrorTexts errorTexts = new ErrorTexts(catalogs, new RequestLanguage(config.defaultLanguage()));
        RequestBulkheads requestBulkheads = new RequestBulkheads(config.bulkheads());
        ConsoleAssets consoleAssets = new ConsoleAssets();
        Future<Gateway> server = boot.submit(() -> Gateway.start(options, live, json, access, errorTexts, requestBulkheads, consoleAssets));
        KernelClock time = KernelClock.system(config.time().businessZone(), config.time().clockAdjustable());
        Clock clock = time.clock();
        AuditTrail audit = new AuditTrail(json, clock);
        CommitHooks hooks = new CommitHooks();
        Doorbell eventsWritten = new Doorbell();
        boolean postgres = config.database().jdbcUrl().filter(url -> url.startsWith("jdbc:postgresql:")).isPresent();
        OutboxWriter outbox = new OutboxWriter(json, clock, hooks, eventsWritten, postgres);
        // the platform schema also warms Flyway up for the modules' migrations
        Future<PlatformParts> platform = boot.submit(() -> {
            KernelModuleDatabase platformDb = new KernelModuleDatabase(ModuleRegistry.PLATFORM, pool.get(), audit, hooks);
            Identity identity = Identity.open(platformDb, config.adminPassword().value(), clock, config.sessionTtl(), config.defaultLanguage(),
                    outbox);
            ClockStore.restore(platformDb, time); // before any module's schema, and so before any plugin reads the time
            return new PlatformParts(platformDb, identity, new PilotEnablement(platformDb, config.modulesOnEverywhereByDefault(), clock));
        });
        boot.shutdown();

        Framework framework = new FrameworkFactory().newFramework(FrameworkProperties.of(config));
        // background parts started so far; a failed start stops them, or their threads would keep the JVM alive
        List<AutoCloseable> started = new ArrayList<>();
        try {
            framework.init();
            BundleContext system = framework.getBundleContext();
            ModuleRegistry modules = new ModuleRegistry(system, kernelVersion());
            BundleLifecycleLog lifecycle = new BundleLifecycleLog(modules);
            system.addBundleListener(lifecycle);
            system.addFrameworkListener(lifecycle);
            modules.open();
            Whiteboard whiteboard = new Whiteboard(system, modules);
            catalogs.attach(id -> modules.record(id).map(ModuleRecord::bundle));
            system.registerService(Messages.class, new MessagesFactory(catalogs), null);
            system.registerService(PlatformClock.class, time, null);
            system.registerService(Organisation.class, new OrganisationService(), null);
            ComponentHealth components = new ComponentHealth(system);
            RouteAssembler routeAssembler = new RouteAssembler(system, whiteboard, components, live, json);
            routeAssembler.open();
            ConsoleContributions console = new ConsoleContributions(system, whiteboard);
            console.open();
            consoleAssets.attach(console::asset);
            PermissionCatalogue permissions = new PermissionCatalogue(system, whiteboard, live::served);
            permissions.open();
            List<Bundle> bootBundles = install(system, config.bundlesDir());

            HikariDataSource dataSource = unwrap(pool);
            Dictionary<String, Object> dsProps = new Hashtable<>();
            dsProps.put("pacesetter.datasource", "default");
            system.registerService(DataSource.class, dataSource, dsProps);
            ConnectionShares shares = new ConnectionShares(dataSource, config.database().poolSize(), config.bulkheads().connectionsPerModule(),
                    PooledDataSource.CONNECTION_TIMEOUT_MS);
            ModuleDatabaseVisibility.install(system);
            SchemaMigrator migrator = new SchemaMigrator(system, modules, dataSource, shares, audit, hooks, platform);
            migrator.open();
            AtomicBoolean ready = new AtomicBoolean();
            AtomicReference<PilotEnablement> enablement = new AtomicReference<>();
            // health is UP only once sign-in works too: the first administrator is created after start-up
            AtomicReference<Identity> signIn = new AtomicReference<>();
            Readiness readiness = new Readiness() {
                @Override
                public boolean kernelReady() {
                    return ready.get();
                }

                @Override
                public boolean signInReady() {
                    return signIn.get() != null && signIn.get().signInReady();
                }
            };
            ModuleStatusReporter reporter = new ModuleStatusReporter(modules, components, new MissingRequirements(system.getBundle()),
                    id -> enablement.get() == null ? null : enablement.get().describe(id));
            system.registerService(RouteProvider.class, new PlatformRoutes(reporter, dataSource, readiness, live, kernelVersion()), null);

            framework.start();
            modules.changed(); // the system bundle is now ACTIVE: the platform's own routes may serve
            startAll(bootBundles, modules);
            // identity and enablement were prepared in parallel with the framework; until now requests got 503
            PlatformParts parts = unwrap(platform);
            PilotEnablement pilot = parts.enablement();
            enablement.set(pilot);
            pilot.recordModules(modules.records().stream().map(ModuleRecord::id).toList());
            modules.onChange(() -> pilot.recordModules(modules.records().stream().map(ModuleRecord::id).toList()));
            system.registerService(ModuleEnablement.class, new ModuleEnablementFactory(modules, pilot), null);
            access.ready(parts.identity().authenticator(), pilot);
            system.registerService(EventPublisher.class, new EventPublisherFactory(modules, outbox), null);
            String node = NodeId.of(config.dataDir());
            MailDelivery mail = new MailDelivery(parts.db(), config.mail(), clock, node);
            system.registerService(Notifier.class, new NotifierFactory(modules, clock, config.mail(), catalogs, config.defaultLanguage(), hooks,
                    mail::wake), null);
            EventTuning tuning = EventTuning.of(config.eventsPoll(), config.eventsRetryBase());
            EventDelivery events = new EventDelivery(system, whiteboard, parts.db(), json, clock, tuning, node, eventsWritten);
            events.open();
            started.add(0, events);
            AutoCloseable wakeups = () -> { }; // one embedded node: commits ring the doorbell in-process
            if (postgres) {
                PostgresWakeups listening = new PostgresWakeups(config.database().jdbcUrl().get(), config.database().user(),
                        config.database().password(), eventsWritten);
                listening.open();
                wakeups = listening;
                started.add(0, wakeups);
            }
            system.registerService(Deadlines.class, new DeadlinesFactory(modules, json), null);
            PlatformScheduler scheduler = new PlatformScheduler(system, whiteboard, dataSource, parts.db(), pilot, json, clock, config.scheduler(), node);
            scheduler.open();
            time.onAdvance(scheduler::checkNow);
            started.add(0, scheduler);
            mail.open();
            started.add(0, mail);
            EventAdminBridge bridge = new EventAdminBridge(system, parts.db(), json, tuning, events);
            bridge.open();
            started.add(0, bridge);
            Webhooks webhooks = new Webhooks(parts.db(), json, clock, config.webhooks(), node,
                    tuning.poll(), kernelVersion());
            system.registerService(EventSubscriber.class, webhooks.subscriber(), null);
            webhooks.open();
            started.add(0, webhooks);
            // one rebuild of the route table for all of them, published before start returns
            try (RouteAssembler.Batch platformRoutes = routeAssembler.batch()) {
                List.of(new EnablementRoutes(pilot, parts.db(), modules), new AuditRoutes(parts.db(), json), new EventRoutes(events, parts.db(), clock), new EventLogRoutes(parts.db(), json),
                        new NotificationRoutes(parts.db(), clock, catalogs), new JobRoutes(scheduler, parts.db(), clock), webhooks.routes(),
                        new PreferenceRoutes(parts.db(), clock, config.mail()), new MailRoutes(mail, parts.db(), clock), new ClockRoutes(time, parts.db()),
                        new MigrationRepairRoutes(migrator, modules, reporter, parts.db()), new ConsoleRoutes(console, pilot, catalogs),
                        new PermissionRoutes(permissions, parts.db(), catalogs, clock, parts.identity().authenticator()::forgetAll),
                        new BundleRoutes(system, modules, reporter, routeAssembler, parts.db(), config.deployDir(), config.bundleUploadLimit()))
                        .forEach(routes -> system.registerService(RouteProvider.class, routes, null));
                parts.identity().routes().forEach(routes -> system.registerService(RouteProvider.class, routes, null));
            }
            Gateway gateway = unwrap(server);
            Kernel running = new Kernel(config, framework, dataSource, gateway, migrator, components, ready,
                    List.of(scheduler, webhooks, mail, wakeups, events, bridge), List.of(pilot));
            ready.set(true);
            signIn.set(parts.identity());
            parts.identity().afterStart();
            if (time.adjustable()) {
                LOG.warn("The clock is adjustable (pacesetter.clock.adjustable=true): administrators may move it forward. Never in production.");
            }
            LOG.info("Pacesetter started in {} ms: http://{}:{}/api/v1/health (home {}, database {})",
                    (System.nanoTime() - began) / 1_000_000, config.host(), gateway.port(), config.home().toAbsolutePath(),
                    config.database().jdbcUrl().orElse("embedded H2"));
            return running;
        } catch (Exception | Error e) {
            closeAll(started);
            stopQuietly(framework);
            closeWhenDone(server); // started in parallel: wait for it, or it would keep the port (and the JVM)
            closeWhenDone(pool);
            closeWhenDone(platform);
            throw e;
        }
    }

    /** The platform's own parts that need the database, opened on a boot thread. */
    private record PlatformParts(KernelModuleDatabase db, Identity identity, PilotEnablement enablement) implements AutoCloseable {
        @Override
        public void close() {
            enablement.close();
        }
    }

    private static void closeWhenDone(Future<? extends AutoCloseable> starting) {
        try {
            starting.get().close();
        } catch (ExecutionException notStarted) {
            // nothing to close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Could not close {} after a failed start: {}", starting, e.getMessage());
        }
    }

    /** The port the gateway listens on. */
    public int port() {
        return gateway.port();
    }

    public KernelConfig config() {
        return config;
    }

    /** Blocks until the framework stops (by {@link #close()} or from inside). */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** Graceful shutdown: refuse new requests, drain in-flight ones, stop bundles, close the pool. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long began = System.nanoTime();
        ready.set(false);
        LOG.info("Pacesetter stopping: draining requests (up to {} ms)", config.drainTimeout().toMillis());
        gateway.drainAndStop(config.drainTimeout());
        // deadlines, jobs and event handlers in progress finish while their bundles are still there
        closeAll(beforeBundles);
        stopQuietly(framework);
        migrator.close();
        components.close();
        closeAll(platformParts);
        dataSource.close();
        LOG.info("Pacesetter stopped in {} ms", (System.nanoTime() - began) / 1_000_000);
    }

    private static void closeAll(List<AutoCloseable> parts) {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("Could not close {} cleanly: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    private static List<Bundle> install(BundleContext system, Path folder) throws IOException {
        List<Bundle> installed = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            LOG.warn("No bundles folder at {}: starting without Declarative Services or plugins", folder.toAbsolutePath());
            return installed;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        List<Bundle> infrastructure = new ArrayList<>();
        for (Path jar : jars) {
            try {
                // reference: reads the jar in place instead of copying it into the cache
                Bundle bundle = system.installBundle("reference:" + jar.toAbsolutePath().toUri());
                // infrastructure (SCR, Config Admin, Event Admin, File Install) starts before the modules that use it
                (bundle.getHeaders("").get(ModuleDescriptor.MANIFEST_HEADER) == null ? infrastructure : installed).add(bundle);
            } catch (BundleException e) {
                LOG.error("Cannot install {}: {}", jar.getFileName(), e.getMessage());
            }
        }
        infrastructure.addAll(installed);
        return infrastructure;
    }

    private static void startAll(List<Bundle> bundles, ModuleRegistry modules) {
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException | RuntimeException e) {
                LOG.error("Cannot start bundle {}: {}", bundle.getSymbolicName(), e.getMessage());
                modules.recordOf(bundle).ifPresent(record -> {
                    record.startFailure(e.getMessage());
                    modules.changed();
                });
            }
        }
    }

    private static void createFolders(KernelConfig config) throws IOException {
        for (Path folder : List.of(config.dataDir(), config.deployDir())) {
            Files.createDirectories(folder);
        }
    }

    private static <T> T unwrap(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void stopQuietly(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(15_000);
        } catch (BundleException | InterruptedException e) {
            LOG.warn("Framework did not stop cleanly: {}", e.getMessage());
        }
    }

    private static String kernelVersion() {
        String version = Kernel.class.getPackage().getImplementationVersion();
        return version == null ? "0.0.0-dev" : version;
    }
}
