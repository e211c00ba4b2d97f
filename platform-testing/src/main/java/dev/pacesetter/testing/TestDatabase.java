package dev.pacesetter.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database a test kernel runs on: embedded H2 in its home (the default), or a fresh PostgreSQL database created
 * for it and dropped afterwards. PostgreSQL's server comes from {@code -Dpacesetter.it.pg.url}
 * ({@code jdbc:postgresql://127.0.0.1:5432/postgres} by default) and {@code -Dpacesetter.it.pg.user} ({@code postgres}).
 */
public enum TestDatabase {
    H2, POSTGRES;

    static final String PG_ADMIN_URL = System.getProperty("pacesetter.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String PG_USER = System.getProperty("pacesetter.it.pg.user", "postgres");
    static final String PG_PASSWORD = System.getProperty("pacesetter.it.pg.password", "");

    /** One kernel's database: the flags that point the kernel at it, and its removal. */
    interface Provisioned extends AutoCloseable {
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
        String name = "pacesetter_kit_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        admin("CREATE DATABASE " + name);
        String url = PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name;
        return new Provisioned() {
            @Override
            public List<String> kernelFlags() {
                return List.of("--jdbc-url=" + url, "--jdbc-user=" + PG_USER, "--jdbc-password=" + PG_PASSWORD);
            }

            @Override
            public void close() {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        };
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("the test kit needs PostgreSQL at " + PG_ADMIN_URL + " as " + PG_USER + " (" + e.getMessage()
                    + "); set -Dpacesetter.it.pg.url/.user/.password, or run on H2", e);
        }
    }
}
