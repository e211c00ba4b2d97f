package dev.pacesetter.platform.api.db;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on one connection, run by {@link ModuleDatabase#inTransaction(SqlWork)}. */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
