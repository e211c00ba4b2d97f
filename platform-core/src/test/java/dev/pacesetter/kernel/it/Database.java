package dev.pacesetter.kernel.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The databases every SQL-touching test runs on. PostgreSQL gets a fresh database per kernel. */
public enum Database {
    H2, POSTGRES;

    static final String PG_ADMIN_URL = System.getProperty("pacesetter.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String PG_USER = System.getProperty("pacesetter.it.pg.user", "postgres");

    /** A database for one kernel; closing it drops what it created. */
    public interface Provisioned extends AutoCloseable {
        /** Command-line flags that point the kernel at it (none for the embedded default). */
        List<String> kernelFlags();

        @Override
        void close();
    }

    Provisioned provision() {
        if (this == H2) {
            return new Provisioned() {
                @Override
                public List<String> kernelFlags() {
                    return List.of();
                }

                @Override
                public void close() {
                }
            };
        }
        String name = "pacesetter_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        admin("CREATE DATABASE " + name);
        String url = PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name;
        return new Provisioned() {
            @Override
            public List<String> kernelFlags() {
                return List.of("--jdbc-url=" + url, "--jdbc-user=" + PG_USER);
            }

            @Override
            public void close() {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        };
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_ADMIN_URL + " is needed for the POSTGRES runs (" + e.getMessage()
                    + "). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", e);
        }
    }
}
