package dev.pacesetter.kernel.internal.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import dev.pacesetter.kernel.internal.config.ConfigException;
import dev.pacesetter.kernel.internal.config.KernelConfig.DatabaseConfig;

/** Opens the one HikariCP pool: embedded H2 under the data folder unless a JDBC URL is configured. */
public final class PooledDataSource {

    /** The settings every connection to the embedded database uses (another process's tools must use the same). */
    public static final String EMBEDDED_SETTINGS = ";LOCK_TIMEOUT=20000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    /** How long a request waits for a free connection before it is answered 503. */
    public static final int CONNECTION_TIMEOUT_MS = 2_000;

    /**
     * Whether {@code dataSource} is H2; {@code ifUnknown} when it cannot be asked (the pool then reports the actual
     * problem on first use).
     */
    public static boolean isH2(DataSource dataSource, boolean ifUnknown) {
        try (Connection c = dataSource.getConnection()) {
            return "H2".equals(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return ifUnknown;
        }
    }

    private PooledDataSource() {
    }

    /** @throws ConfigException saying what to check when the database cannot be reached */
    public static HikariDataSource open(DatabaseConfig db, Path dataDir) {
        String url = db.jdbcUrl().orElseGet(() -> embeddedUrl(dataDir));
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("pacesetter-db");
        hikari.setJdbcUrl(url);
        if (!db.user().isEmpty()) {
            hikari.setUsername(db.user());
        }
        if (!db.password().isEmpty()) {
            hikari.setPassword(db.password());
        }
        if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts")) {
            // batched INSERTs (event outbox, deadlines, imports) then travel as multi-row statements: far fewer round trips
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        hikari.setMaximumPoolSize(db.poolSize());
        hikari.setMinimumIdle(Math.min(2, db.poolSize()));
        // a request that cannot get a connection answers 503 database_unavailable after this long, not a hang
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        hikari.setInitializationFailTimeout(5_000);
        try {
            HikariDataSource pool = new HikariDataSource(hikari);
            try (Connection c = pool.getConnection()) {
                c.isValid(2);
            }
            return pool;
        } catch (HikariPool.PoolInitializationException | SQLException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException("Cannot connect to the database at " + url + ": " + cause.getMessage()
                    + ". Check pacesetter.jdbc.url, pacesetter.jdbc.user and pacesetter.jdbc.password, and that the database is running.");
        }
    }

    /**
     * Embedded H2 with every commit written to the file before it returns. H2 keeps no redo log: by default a background
     * thread writes committed changes up to WRITE_DELAY (500 ms) later, so a killed process lost acknowledged writes and
     * reissued their ids. With WRITE_DELAY=0 H2's TransactionStore.endTransaction calls MVStore.commit() on the
     * committing thread. The write reaches the operating system, not the platter (no fsync): it survives the process
     * dying, not a power cut. The kernel, not a JVM shutdown hook, closes the database, after the requests drained.
     */
    static String embeddedUrl(Path dataDir) {
        // modules migrate in parallel and H2 locks its catalogue for each DDL transaction: wait for it, do not fail after 1 s
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("pacesetter") + EMBEDDED_SETTINGS;
    }

}
