package dev.pacesetter.kernel.internal.bulkhead;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/** The shared pool as one module sees it: every connection it takes counts against the module's share. */
final class ModuleDataSource implements DataSource {

    private final DataSource pool;
    private final ConnectionShare share;

    ModuleDataSource(DataSource pool, ConnectionShare share) {
        this.pool = pool;
        this.share = share;
    }

    @Override
    public Connection getConnection() throws SQLException {
        share.acquire();
        try {
            return new SharedConnection(pool.getConnection(), share);
        } catch (SQLException | RuntimeException | Error e) {
            share.release();
            throw e;
        }
    }

    /** Modules use the platform's credentials. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("a module's connections use the platform's database user");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool is the platform's");
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool is the platform's");
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    /** Not the pool behind it: unwrapping to the pool would take connections outside the module's share. */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("a module's data source wraps nothing it hands out");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
