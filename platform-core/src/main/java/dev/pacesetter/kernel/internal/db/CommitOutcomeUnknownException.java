package dev.pacesetter.kernel.internal.db;

import java.sql.SQLException;

/**
 * The connection broke while a commit was on its way: the database may have committed and lost only the answer, or
 * not have committed at all, and nobody can tell until it is back. Unlike any other database failure this one must not
 * be reported as "nothing was changed".
 */
public final class CommitOutcomeUnknownException extends SQLException {

    private static final long serialVersionUID = 1L;

    public CommitOutcomeUnknownException(SQLException commitFailure) {
        // keeps the SQLSTATE, so that it still reads as "the database is unreachable" wherever that is all that matters
        super("the connection broke during the commit: the transaction may or may not have been committed ("
                + commitFailure.getMessage() + ")", commitFailure.getSQLState(), commitFailure);
    }
}
