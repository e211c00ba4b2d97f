package dev.pacesetter.kernel.internal.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.pacesetter.kernel.internal.audit.AuditTrail;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.DataAccessException;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.SqlWork;

/** The {@link ModuleDatabase} the kernel registers for a module once its schema is migrated. */
public final class KernelModuleDatabase implements ModuleDatabase {

    private final String moduleId;
    private final DataSource dataSource;
    private final AuditTrail audit;
    private final CommitHooks hooks;

    public KernelModuleDatabase(String moduleId, DataSource dataSource, AuditTrail audit, CommitHooks hooks) {
        this.moduleId = moduleId;
        this.dataSource = dataSource;
        this.audit = audit;
        this.hooks = hooks;
    }

    @Override
    public void audit(Connection connection, AuditRecord record) {
        audit.append(connection, moduleId, record);
    }

    @Override
    public boolean afterCommit(Connection connection, Runnable action) {
        return hooks.afterCommit(connection, action);
    }

    @Override
    public String moduleId() {
        return moduleId;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            hooks.begin(connection);
            try {
                T result = work.run(connection);
                commit(connection);
                hooks.committed(connection);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                // on a broken connection the rollback fails too ("Connection is closed", no SQLSTATE): the first
                // failure says what happened (e.g. 08006, the database went away), so it is the one thrown
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            } finally {
                hooks.ended(connection);
                try {
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException brokenConnection) {
                    // the pool discards a broken connection; what the work did (or why it failed) stands
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("module " + moduleId + ": database work failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private static void commit(Connection connection) throws SQLException {
        try {
            connection.commit();
        } catch (SQLException e) {
            if (DatabaseFaults.isUnavailable(e)) {
                throw new CommitOutcomeUnknownException(e);
            }
            throw e; // e.g. a serialization failure: the database answered, and it said "not committed"
        }
    }
}
