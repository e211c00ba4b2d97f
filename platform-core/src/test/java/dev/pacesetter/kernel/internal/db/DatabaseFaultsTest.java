package dev.pacesetter.kernel.internal.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.db.DataAccessException;

class DatabaseFaultsTest {

    @Test
    void anUnreachableDatabaseIsToldApartFromABug() {
        assertTrue(DatabaseFaults.isUnavailable(new DataAccessException("insert lead",
                new SQLTransientConnectionException("pacesetter-db - Connection is not available, request timed out after 2000ms."))),
                "the pool could not hand out a connection");
        assertTrue(DatabaseFaults.isUnavailable(new DataAccessException("read", new SQLException("Connection refused", "08001"))));
        assertTrue(DatabaseFaults.isUnavailable(new RuntimeException(new SQLException("terminating connection due to administrator command",
                "57P01"))), "PostgreSQL shutting down, found under any wrapper");
        assertFalse(DatabaseFaults.isUnavailable(new DataAccessException("insert", new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseFaults.isUnavailable(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseFaults.isUnavailable(new IllegalStateException("a bug")));
    }
}
