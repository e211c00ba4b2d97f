package dev.pacesetter.kernel.internal.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that is unreachable (down, restarting, network gone, pool dry, the module's share of it taken) from a bug: the first is the
 * client's cue to retry later (503 with Retry-After), the second an internal error (500).
 */
public final class DatabaseFaults {

    /** PostgreSQL: admin shutdown, crash shutdown, cannot connect now; H2: database closed, connection broken. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "90121", "90067", "90098");

    private DatabaseFaults() {
    }

    /** Whether {@code failure}, or one of its causes, is a commit whose answer was lost with the connection. */
    public static boolean isCommitOutcomeUnknown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CommitOutcomeUnknownException) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code failure}, or one of its causes, says the database cannot be reached now. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // HikariCP's "connection is not available, request timed out": down, or every connection busy
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
