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

    public static RuntimeException translate(SQLException e, String operation) {
        String message = operation + " failed (SQLState " + e.getSQLState() + "): " + e.getMessage();
        return isUnavailable(e) ? new VectorDbUnavailableException(message, e) : new IllegalStateException(message, e);
    }
}
