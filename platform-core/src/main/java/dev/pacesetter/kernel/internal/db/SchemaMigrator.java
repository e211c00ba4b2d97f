package dev.pacesetter.kernel.internal.db;

import java.sql.SQLException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.audit.AuditTrail;
import dev.pacesetter.kernel.internal.bulkhead.ConnectionShares;
import dev.pacesetter.kernel.internal.modules.MigrationStatus;
import dev.pacesetter.kernel.internal.modules.ModuleRecord;
import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.kernel.internal.modules.Whiteboard;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.SchemaMigrations;

/**
 * Whiteboard for {@link SchemaMigrations}: applies a module's scripts with Flyway (one history table per
 * module) off the bundle-start thread, then registers the module's {@link ModuleDatabase} so the
 * components that need the schema can activate. A failure marks the module FAILED and registers nothing.
 */
public final class SchemaMigrator implements ServiceTrackerCustomizer<SchemaMigrations, SchemaMigrator.Run> {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final ClassProvider<JavaMigration> NO_JAVA_MIGRATIONS = List::of;
    private static final Pattern SCRIPT = Pattern.compile("(?:script|Migration) (\\S+\\.sql)");
    private static final Pattern LINE = Pattern.compile("(?m)^Line\\s*:\\s*(\\d+)");

    /** One migration run for one registration; {@code cancelled} when the registration goes first. */
    static final class Run {
        final ModuleRecord record;
        volatile boolean cancelled;
        ServiceRegistration<ModuleDatabase> database;

        Run(ModuleRecord record) {
            this.record = record;
        }
    }

    private final BundleContext context;
    private final Whiteboard whiteboard;
    private final ModuleRegistry modules;
    private final DataSource dataSource;
    private final ConnectionShares shares;
    private final AuditTrail audit;
    private final java.util.concurrent.Future<?> platformSchema;
    private final ExecutorService executor;
    private final ServiceTracker<SchemaMigrations, Run> tracker;

    /**
     * @param platformSchema completes once the platform's own tables exist; module migrations wait for it,
     *        since a module's tables may refer to users and teams
     */
    public SchemaMigrator(BundleContext context, Whiteboard whiteboard, DataSource dataSource, ConnectionShares shares, AuditTrail audit,
            java.util.concurrent.Future<?> platformSchema) {
        this.shares = shares;
        this.platformSchema = platformSchema;
        this.audit = audit;
        this.context = context;
        this.whiteboard = whiteboard;
        this.modules = whiteboard.modules();
        this.dataSource = dataSource;
        AtomicInteger threads = new AtomicInteger();
        // embedded H2 makes concurrent DDL wait on table locks (up to its lock timeout), so modules migrate one by one there
        this.executor = Executors.newFixedThreadPool(PooledDataSource.isH2(dataSource, true) ? 1 : 2, r -> {
            Thread t = new Thread(r, "pacesetter-migrations-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.tracker = new ServiceTracker<>(context, SchemaMigrations.class, this);
    }

    public void open() {
        tracker.open(true);
    }


    public void close() {
        tracker.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Run addingService(ServiceReference<SchemaMigrations> reference) {
        Bundle bundle = reference.getBundle();
        ModuleRecord record = modules.recordOf(bundle).orElse(null);
        if (record == null || record.descriptor() == null) {
            LOG.error("Bundle {} registers SchemaMigrations but declares no valid Pacesetter-Module; ignored", bundle.getSymbolicName());
            return null;
        }
        SchemaMigrations migrations = whiteboard.obtain(reference, SchemaMigrations.class, "Schema migrations").orElse(null);
        if (migrations == null) {
            record.migration(MigrationStatus.failed("its SchemaMigrations component could not be obtained"));
            modules.changed();
            return null;
        }
        String location = migrations.location();
        Run run = new Run(record);
        record.migration(MigrationStatus.RUNNING);
        modules.changed();
        executor.execute(() -> migrate(run, bundle, location));
        return run;
    }

    @Override
    public void modifiedService(ServiceReference<SchemaMigrations> reference, Run run) {
    }

    @Override
    public void removedService(ServiceReference<SchemaMigrations> reference, Run run) {
        synchronized (run) {
            run.cancelled = true;
            if (run.database != null) {
                run.database.unregister();
                run.database = null;
            }
        }
        run.record.migration(MigrationStatus.NONE);
        context.ungetService(reference);
        modules.changed();
    }

    private void awaitPlatformSchema() {
        try {
            platformSchema.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the platform schema", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the platform schema could not be prepared: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void migrate(Run run, Bundle bundle, String location) {
        String id = run.record.id();
        long start = System.nanoTime();
        try {
            awaitPlatformSchema();
            MigrateResult result = Flyway.configure(SchemaMigrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .table(historyTable(id))
                    // modules share one schema: another module's tables must not look like an unmanaged database
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .resourceProvider(new BundleMigrationResources(bundle, location))
                    .javaMigrationClassProvider(NO_JAVA_MIGRATIONS)
                    .failOnMissingLocations(false)
                    .validateMigrationNaming(true)
                    .loggers("slf4j")
                    .load()
                    .migrate();
            synchronized (run) {
                if (run.cancelled) {
                    return;
                }
                String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
                Dictionary<String, Object> props = new Hashtable<>();
                props.put(ModuleDatabase.MODULE_PROPERTY, id);
                run.database = context.registerService(ModuleDatabase.class, new KernelModuleDatabase(id, shares.dataSourceFor(id), audit), props);
                run.record.migration(MigrationStatus.done(version));
            }
            LOG.info("Module {}: schema at version {} ({} migration(s) applied in {} ms)", id,
                    run.record.migration().schemaVersion(), result.migrationsExecuted, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            String reason = "schema migration failed: " + rootMessage(e);
            LOG.error("Module {}: {}", id, reason, e);
            run.record.migration(MigrationStatus.failed(reason));
        }
        modules.changed();
    }

    static String historyTable(String moduleId) {
        return "pacesetter_schema_history_" + moduleId.replace('-', '_');
    }

    /** "V2__broken.sql line 1: Table "NOWHERE" not found" out of Flyway's multi-line report. */
    static String rootMessage(Throwable e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        Matcher script = SCRIPT.matcher(text);
        Matcher line = LINE.matcher(text);
        String where = script.find() ? script.group(1) + (line.find() ? " line " + line.group(1) : "") + ": " : "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return where + firstLine(sql.getMessage()).replaceFirst(";\\s*SQL statement:?$", "");
            }
        }
        return where + firstLine(text);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }
}
