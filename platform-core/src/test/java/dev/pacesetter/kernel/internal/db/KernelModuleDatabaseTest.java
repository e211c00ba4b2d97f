package dev.pacesetter.kernel.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import dev.pacesetter.platform.api.db.DataAccessException;

/**
 * A transaction whose connection breaks during the commit is reported as "outcome unknown", never as "nothing was
 * changed"; one that breaks before the commit is plainly unavailable. On real H2 and a real PostgreSQL: the database is
 * taken away from under the transaction (H2 shut down, the PostgreSQL backend terminated) just before it commits.
 */
class KernelModuleDatabaseTest {

    private static final String PG_URL = System.getProperty("pacesetter.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");

    @Test
    void h2ShutDownBeforeTheCommitIsAnUnknownOutcome() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:commit-outcome;DB_CLOSE_DELAY=-1");
        DataAccessException failure = assertThrows(DataAccessException.class, () -> database(h2).inTransaction(c -> {
            run(c, "CREATE TABLE note (text VARCHAR(20))");
            run(c, "INSERT INTO note VALUES ('written')");
            try (Connection other = h2.getConnection()) {
                run(other, "SHUTDOWN IMMEDIATELY");
            }
            return null;
        }));
        assertTrue(DatabaseFaults.isCommitOutcomeUnknown(failure), failure::toString);
        assertTrue(DatabaseFaults.isUnavailable(failure), "still an unreachable database wherever only that matters");
    }

    @Test
    void postgresBackendTerminatedBeforeTheCommitIsAnUnknownOutcome() {
        PGSimpleDataSource pg = postgres();
        DataAccessException failure = assertThrows(DataAccessException.class, () -> database(pg).inTransaction(c -> {
            run(c, "CREATE TEMPORARY TABLE note (text VARCHAR(20))");
            run(c, "INSERT INTO note VALUES ('written')");
            int pid = intOf(c, "SELECT pg_backend_pid()");
            try (Connection other = pg.getConnection()) {
                assertEquals(1, intOf(other, "SELECT CASE WHEN pg_terminate_backend(" + pid + ", 5000) THEN 1 ELSE 0 END"));
            }
            return null;
        }));
        assertTrue(DatabaseFaults.isCommitOutcomeUnknown(failure), failure::toString);
        assertTrue(DatabaseFaults.isUnavailable(failure));
    }

    @Test
    void postgresGoneBeforeTheWorkEndsIsPlainlyUnavailable() {
        PGSimpleDataSource pg = postgres();
        DataAccessException failure = assertThrows(DataAccessException.class, () -> database(pg).inTransaction(c -> {
            int pid = intOf(c, "SELECT pg_backend_pid()");
            try (Connection other = pg.getConnection()) {
                intOf(other, "SELECT CASE WHEN pg_terminate_backend(" + pid + ", 5000) THEN 1 ELSE 0 END");
            }
            return intOf(c, "SELECT 1"); // the work itself fails: nothing can have been committed
        }));
        assertFalse(DatabaseFaults.isCommitOutcomeUnknown(failure), failure::toString);
        assertTrue(DatabaseFaults.isUnavailable(failure), failure::toString);
    }

    @Test
    void aFailingStatementIsNeitherUnavailableNorInDoubt() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:plain-failure;DB_CLOSE_DELAY=-1");
        DataAccessException failure = assertThrows(DataAccessException.class,
                () -> database(h2).inTransaction(c -> intOf(c, "SELECT no_such_column FROM DUAL")));
        assertFalse(DatabaseFaults.isCommitOutcomeUnknown(failure));
        assertFalse(DatabaseFaults.isUnavailable(failure));
    }

    private static KernelModuleDatabase database(DataSource dataSource) {
        return new KernelModuleDatabase("test", dataSource, null, new CommitHooks());
    }

    private static PGSimpleDataSource postgres() {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(PG_URL);
        pg.setUser(System.getProperty("pacesetter.it.pg.user", "postgres"));
        try (Connection probe = pg.getConnection()) {
            return pg;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_URL + " is needed (" + e.getMessage()
                    + "). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", e);
        }
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int intOf(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
