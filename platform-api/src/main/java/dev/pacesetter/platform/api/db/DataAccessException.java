package dev.pacesetter.platform.api.db;

import java.sql.SQLException;

/** An unexpected database failure; the gateway answers it with {@code 500} and logs the cause. */
public class DataAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataAccessException(String message, SQLException cause) {
        super(message, cause);
    }

    /** The SQLSTATE of the underlying failure, e.g. {@code 23505} for a unique violation. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
