package dev.pacesetter.kernel.internal.db;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.audit.AuditTrail;
import dev.pacesetter.kernel.internal.bulkhead.ConnectionShares;
import dev.pacesetter.kernel.internal.modules.MigrationStatus;
import dev.pacesetter.kernel.internal.modules.ModuleRecord;
import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.platform.api.db.ModuleDatabase;

/**
 * The migrations extender: every bundle that declares a {@code Pacesetter-Module} has the scripts in its
 * {@value #LOCATION} folder applied with Flyway (one history table per module) off the bundle-start thread, once it
 * is starting; then the module's {@link ModuleDatabase} is registered, visible to that bundle only, so the components
 * that need the schema can activate. A failure marks the module FAILED and registers nothing. Nothing in the bundle
 * has to announce its scripts: the header is the module's one identity.
 */
public final class SchemaMigrator implements BundleTrackerCustomizer<SchemaMigrator.Run> {

    /** Where a module bundle keeps its {@code V<version>__<description>.sql} scripts. */
    public static final String LOCATION = "db/migration";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final ClassProvider<JavaMigration> NO_JAVA_MIGRATIONS = List::of;
    private static final Pattern SCRIPT = Pattern.compile("(?:script|Migration) (\\S+\\.sql)");
    private static final Pattern LINE = Pattern.compile("(?m)^Line\\s*:\\s*(\\d+)");

    /** One migration run for one start of a module bundle; {@code cancelled} when the bundle stops first. */
    static final class Run {
        final ModuleRecord record;
        volatile boolean cancelled;
        ServiceRegistration<ModuleDatabase> database;

        Run(ModuleRecord record) {
            this.record = record;
        }
    }

    private final BundleContext context;
    private final ModuleRegistry modules;
    private final DataSource dataSource;
    private final ConnectionShares shares;
    private final AuditTrail audit;
    private final CommitHooks hooks;
    private final java.util.concurrent.Future<?> platformSchema;
    private final ExecutorService executor;
    private final BundleTracker<Run> tracker;

    /**
     * @param platformSchema completes once the platform's own tables exist; module migrations wait for it,
     *        since a module's tables may refer to users and teams
     */
    public SchemaMigrator(BundleContext context, ModuleRegistry modules, DataSource dataSource, ConnectionShares shares, AuditTrail audit,
            CommitHooks hooks, java.util.concurrent.Future<?> platformSchema) {
        this.shares = shares;
        this.hooks = hooks;
        this.platformSchema = platformSchema;
        this.audit = audit;
        this.context = context;
        this.modules = modules;
        this.dataSource = dataSource;
        AtomicInteger threads = new AtomicInteger();
        // embedded H2 makes concurrent DDL wait on table locks (up to its lock timeout), so modules migrate one by one there
        this.executor = Executors.newFixedThreadPool(PooledDataSource.isH2(dataSource, true) ? 1 : 2, r -> {
            Thread t = new Thread(r, "pacesetter-migrations-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this);
    }

    /** After the module registry opened: a bundle is a module once the registry has its record. */
    public void open() {
        tracker.open();
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
    public Run addingBundle(Bundle bundle, BundleEvent event) {
        if (bundle.getBundleId() == org.osgi.framework.Constants.SYSTEM_BUNDLE_ID) {
            return null; // the platform's own schema is the kernel's, migrated before any bundle starts
        }
        ModuleRecord record = modules.recordOf(bundle).orElse(null);
        if (record == null || record.descriptor() == null) {
            return null; // not a module, or one with an invalid header, which the registry reports
        }
        Run run = new Run(record);
        record.migration(MigrationStatus.RUNNING);
        modules.changed();
        executor.execute(() -> migrate(run, bundle));
        return run;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Run run) {
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Run run) {
        synchronized (run) {
            run.cancelled = true;
            if (run.database != null) {
                run.database.unregister();
                run.database = null;
            }
        }
        run.record.migration(MigrationStatus.NONE);
        modules.changed();
    }

    /** What became of a request to repair a module's migrations. */
    public enum RepairOutcome { STARTED, NOT_STARTED, NOT_FAILED }

    /**
     * The administrator's way out of a failed migration: Flyway's repair on the module's history (it drops the rows of
     * failed migrations, which H2 keeps because its DDL commits as it goes, and accepts the checksums of the scripts as
     * they are now), then the module's migrations again, off the request thread.
     */
    public RepairOutcome repair(String moduleId) {
        Map<Bundle, Run> runs = tracker.getTracked();
        for (Map.Entry<Bundle, Run> entry : runs.entrySet()) {
            Run run = entry.getValue();
            if (!run.record.id().equals(moduleId)) {
                continue;
            }
            synchronized (run) {
                if (run.record.migration().phase() != MigrationStatus.Phase.FAILED) {
                    return RepairOutcome.NOT_FAILED;
                }
                run.record.migration(MigrationStatus.RUNNING);
            }
            modules.changed();
            Bundle bundle = entry.getKey();
            executor.execute(() -> {
                try {
                    flyway(moduleId, bundle).repair();
                    LOG.info("Module {}: migration history repaired; migrating again", moduleId);
                } catch (RuntimeException e) {
                    LOG.error("Module {}: repairing the migration history failed", moduleId, e);
                }
                migrate(run, bundle);
            });
            return RepairOutcome.STARTED;
        }
        return RepairOutcome.NOT_STARTED;
    }

    private Flyway flyway(String id, Bundle bundle) {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .table(historyTable(id))
                // modules share one schema: another module's tables must not look like an unmanaged database
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .resourceProvider(new BundleMigrationResources(bundle, LOCATION))
                .javaMigrationClassProvider(NO_JAVA_MIGRATIONS)
                .failOnMissingLocations(false)
                .validateMigrationNaming(true)
                .loggers("slf4j")
                .load();
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

    private void migrate(Run run, Bundle bundle) {
        String id = run.record.id();
        long start = System.nanoTime();
        try {
            awaitPlatformSchema();
            MigrateResult result = flyway(id, bundle).migrate();
            synchronized (run) {
                if (run.cancelled) {
                    return;
                }
                String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
                run.database = OwnModuleDatabase.register(context, bundle, new KernelModuleDatabase(id, shares.dataSourceFor(id), audit, hooks));
                run.record.migration(MigrationStatus.done(version));
            }
            LOG.info("Module {}: schema at version {} ({} migration(s) applied in {} ms)", id,
                    run.record.migration().schemaVersion(), result.migrationsExecuted, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            String reason = "schema migration failed: " + rootMessage(e) + (isValidationFailure(e) ? ". " + repairHint(id) : "");
            LOG.error("Module {}: {}", id, reason, e);
            run.record.migration(MigrationStatus.failed(reason));
        }
        modules.changed();
    }

    static String historyTable(String moduleId) {
        return "pacesetter_schema_history_" + moduleId.replace('-', '_');
    }

    static String repairHint(String moduleId) {
        return "Undo what a failed script left behind (H2 keeps the statements before the one that failed), deploy the corrected"
                + " scripts, then repair: POST /api/v1/modules/" + moduleId + "/migrations/repair";
    }

    private static boolean isValidationFailure(Throwable e) {
        return e.getMessage() != null && e.getMessage().startsWith("Validate failed");
    }

    /**
     * "V2__broken.sql line 1: Table "NOWHERE" not found" out of Flyway's multi-line report; for a failed validation, what
     * it detected ("Detected failed migration to version 3 (broken)").
     */
    static String rootMessage(Throwable e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (isValidationFailure(e)) {
            List<String> found = text.lines().map(String::trim)
                    .filter(l -> l.startsWith("Detected") || l.startsWith("Migration checksum mismatch") || l.startsWith("Applied migration")
                            || l.startsWith("Migration description mismatch") || l.startsWith("Migration type mismatch"))
                    .limit(3).map(l -> l.replaceFirst("\\.$", "")).toList();
            if (!found.isEmpty()) {
                return String.join("; ", found);
            }
        }
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
