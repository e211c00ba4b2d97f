package dev.pacesetter.kernel.internal.bulkhead;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

/**
 * Each module's {@link ConnectionShare} of the one pool. Modules together hold at most all but a fifth of the pool
 * (at least one connection stays for the platform once the pool has two), one module at most three quarters of
 * that unless configured: a module in long transactions waits for itself, and sign-in, health and other modules
 * still get connections.
 */
public final class ConnectionShares {

    private final DataSource pool;
    private final Semaphore allModules;
    private final int perModule;
    private final long waitMillis;
    private final Map<String, ConnectionShare> byModule = new ConcurrentHashMap<>();

    /**
     * @param configuredPerModule connections one module may hold; 0 for the default
     * @param waitMillis how long a module waits for its share, like the pool's own connection timeout
     */
    public ConnectionShares(DataSource pool, int poolSize, int configuredPerModule, long waitMillis) {
        this.pool = pool;
        int forModules = forModules(poolSize);
        this.allModules = new Semaphore(forModules, true);
        this.perModule = configuredPerModule > 0 ? Math.min(configuredPerModule, forModules) : Math.max(1, forModules * 3 / 4);
        this.waitMillis = waitMillis;
    }

    static int forModules(int poolSize) {
        return poolSize < 2 ? poolSize : poolSize - Math.max(1, poolSize / 5);
    }

    /** The pool as {@code moduleId} sees it, its connections counted against the module's share. */
    public DataSource dataSourceFor(String moduleId) {
        return new ModuleDataSource(pool, byModule.computeIfAbsent(moduleId, id -> new ConnectionShare(id, perModule, allModules, waitMillis)));
    }

    /** Connections one module may hold at once. */
    public int perModule() {
        return perModule;
    }
}
