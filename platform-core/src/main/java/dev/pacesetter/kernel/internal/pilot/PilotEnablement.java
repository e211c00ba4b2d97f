package dev.pacesetter.kernel.internal.pilot;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.gateway.ModuleGate;
import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.pilot.EnabledRegions;
import dev.pacesetter.platform.api.security.Caller;

/**
 * Which regions each module is on for, served from an immutable in-memory snapshot that is replaced
 * whenever this node changes it and re-read from the database every {@link #REFRESH_SECONDS} seconds
 * (so other nodes' changes arrive too). The platform module is always on; administrators always
 * reach every module, so that they can try one out before switching it on for anyone.
 */
public final class PilotEnablement implements RegionsByModule, ModuleGate, AutoCloseable {

    static final long REFRESH_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(PilotEnablement.class);

    private final ModuleDatabase platformDb;
    private final boolean onEverywhereByDefault;
    private final Clock clock;
    private final ScheduledExecutorService refresher;
    private volatile Map<String, EnabledRegions> snapshot = Map.of();
    private volatile Map<Long, String> regionCodes = Map.of();

    public PilotEnablement(ModuleDatabase platformDb, boolean onEverywhereByDefault, Clock clock) {
        this.platformDb = platformDb;
        this.onEverywhereByDefault = onEverywhereByDefault;
        this.clock = clock;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pacesetter-enablement-refresh");
            t.setDaemon(true);
            return t;
        });
        reload();
        refresher.scheduleWithFixedDelay(this::reloadQuietly, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public EnabledRegions enabledRegions(String moduleId) {
        if (ModuleRegistry.PLATFORM.equals(moduleId)) {
            return EnabledRegions.all();
        }
        // a module not recorded yet gets the configured default, the same it will be recorded with
        return snapshot.getOrDefault(moduleId, onEverywhereByDefault ? EnabledRegions.all() : EnabledRegions.only(java.util.Set.of()));
    }

    @Override
    public boolean admits(String moduleId, Optional<Caller> caller) {
        if (ModuleRegistry.PLATFORM.equals(moduleId)) {
            return true;
        }
        EnabledRegions regions = enabledRegions(moduleId);
        if (caller.isEmpty()) {
            return !regions.isNone(); // a public route (e.g. a web form) serves once the module is on somewhere
        }
        // a regional manager of several regions reaches a module that is on in any of them; their scope limits the rows
        return regions.admits(caller.get());
    }

    /** Gives modules seen for the first time the configured default (on nowhere, or everywhere). */
    public void recordModules(Collection<String> moduleIds) {
        try {
            record(moduleIds);
        } catch (RuntimeException e) {
            // another node may record the same module at the same moment; the next change or refresh settles it
            LOG.warn("Could not record new modules {} for enablement: {}", moduleIds, e.getMessage());
        }
    }

    private void record(Collection<String> moduleIds) {
        List<String> unknown = moduleIds.stream().filter(id -> !ModuleRegistry.PLATFORM.equals(id) && !snapshot.containsKey(id)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        platformDb.inTransaction(c -> {
            for (String id : unknown) {
                if (EnablementStore.insertIfAbsent(c, id, onEverywhereByDefault, clock.instant())) {
                    LOG.info("Module '{}' is new: switched on for {} until an administrator says otherwise", id,
                            onEverywhereByDefault ? "every region" : "no region");
                }
            }
            return null;
        });
        reload();
    }

    /** Replaces a module's regions inside the caller's transaction; call {@link #reload()} after it commits. */
    void replace(Connection c, String moduleId, EnabledRegions regions) throws SQLException {
        EnablementStore.replace(c, moduleId, regions, clock.instant());
    }

    /** The regions as clients see them: {@code "all"} or a sorted list of region codes. */
    public Object describe(String moduleId) {
        EnabledRegions regions = enabledRegions(moduleId);
        if (regions.isAll()) {
            return "all";
        }
        Map<Long, String> codes = regionCodes;
        return regions.regionIds().stream().map(id -> codes.getOrDefault(id, String.valueOf(id))).sorted().toList();
    }

    public void reload() {
        platformDb.inTransaction(c -> {
            Map<String, EnabledRegions> loaded = EnablementStore.loadAll(c);
            Map<Long, String> codes = new HashMap<>();
            EnablementStore.regionIdsByCode(c).forEach((code, id) -> codes.put(id, code));
            snapshot = Map.copyOf(loaded);
            regionCodes = Map.copyOf(codes);
            return null;
        });
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warn("Could not refresh module enablement; keeping the last known state: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
