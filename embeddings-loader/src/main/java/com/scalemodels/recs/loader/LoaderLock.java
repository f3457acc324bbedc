package com.scalemodels.recs.loader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The session-level advisory lock that keeps loaders (this one and sql/rds_s3_import.sql) from interleaving. A
 * second loader fails fast instead of queueing behind a run that may build indexes for minutes. Released when the
 * session ends, so a crashed loader never leaves it held.
 */
final class LoaderLock {

    /** Shared with sql/rds_s3_import.sql. */
    static final long KEY = 7_242_019_420_260_001L;

    /**
     * Explicit release before close: a closed session's locks are freed only when its backend has exited, a moment
     * after close() returns, and a loader started right after this one must not find the lock still held.
     */
    void release(Connection conn) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
        } catch (SQLException e) {
            // The session is gone, and its lock with it.
        }
    }

    void acquire(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new LoaderStateException("another embeddings loader is running against this database"
                            + " (advisory lock " + KEY + " is held); try again when it has finished");
                }
            }
        }
    }
}
