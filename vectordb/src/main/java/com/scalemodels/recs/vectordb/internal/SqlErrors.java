package com.scalemodels.recs.vectordb.internal;

import com.scalemodels.recs.vectordb.VectorDbUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Sorts JDBC failures into "the database is unavailable" (retry later) and everything else: a query the database
 * refuses, a schema that does not match, which no retry mends.
 */
public final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * SQLState classes 08 (connection), 53 (insufficient resources), 57 (operator intervention: statement timeout
     * 57014, shutdown), 40 (rollback: serialization, deadlock) and 58 (system I/O) are outages; HikariCP's pool
     * timeout is a {@link SQLTransientConnectionException}.
     */
    public static boolean isUnavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().length() >= 2) {
                switch (s.getSQLState().substring(0, 2)) {
                    case "08", "53", "57", "40", "58" -> {
                        return true;
                    }
                    default -> {
                    }
                }
            }
        }
        return false;
    }

    /**
     * The server refused the login: 28P01 (invalid password) or 28000 (invalid authorization specification), on
     * the exception or anywhere in its causes (HikariCP's pool timeout carries the last connection failure).
     */
    public static boolean isAuthenticationFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("28P01".equals(s.getSQLState()) || "28000".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A rejected login is an outage too (the batch is retried, and the login is re-read from its secret), but says
     * so plainly: a pool timeout alone would hide it.
     */
    public static RuntimeException translate(SQLException e, String operation) {
        if (isAuthenticationFailure(e)) {
            return new VectorDbUnavailableException(operation + " failed: the database rejected the login (SQLState "
                    + e.getSQLState() + "; a rotated secret is read again once per failure episode): "
                    + e.getMessage(), e);
        }
        String message = operation + " failed (SQLState " + e.getSQLState() + "): " + e.getMessage();
        return isUnavailable(e) ? new VectorDbUnavailableException(message, e) : new IllegalStateException(message, e);
    }
}
