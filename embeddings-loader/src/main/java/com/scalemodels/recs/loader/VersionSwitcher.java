package com.scalemodels.recs.loader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the atomic swaps of sql/schema.sql (embedding_activate, embedding_rollback), each in its own short
 * transaction. The renames need an exclusive lock on item_emb/user_emb; while the swap waits for it, new readers
 * queue behind it. So the swap waits at most lock_timeout, gives way, and tries again a few times.
 */
final class VersionSwitcher {

    private static final Logger LOG = LoggerFactory.getLogger(VersionSwitcher.class);
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String DEADLOCK_DETECTED = "40P01";

    /** How long one attempt waits for readers' locks: new readers queue behind a waiting swap. */
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(2);
    private static final int ATTEMPTS = 10;

    /** Makes the staged version live; returns its model version. */
    String activate(Connection conn, int tableId) throws SQLException {
        return swap(conn, "SELECT embedding_activate(?)", tableId);
    }

    /** Makes the previous version live again; returns its model version. */
    String rollback(Connection conn) throws SQLException {
        return swap(conn, "SELECT embedding_rollback()", null);
    }

    private String swap(Connection conn, String sql, Integer tableId) throws SQLException {
        boolean autoCommit = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    String version = swapOnce(conn, sql, tableId);
                    conn.commit();
                    return version;
                } catch (SQLException e) {
                    conn.rollback();
                    boolean retryable = LOCK_NOT_AVAILABLE.equals(e.getSQLState())
                            || DEADLOCK_DETECTED.equals(e.getSQLState());
                    if (!retryable) {
                        throw e;
                    }
                    if (attempt >= ATTEMPTS) {
                        throw new LoaderStateException("the swap could not lock item_emb/user_emb within "
                                + LOCK_TIMEOUT.toMillis() + " ms in " + attempt
                                + " attempts: long-running queries hold them", e);
                    }
                    LOG.warn("swap waited {} ms for readers' locks (attempt {} of {}); retrying",
                            LOCK_TIMEOUT.toMillis(), attempt, ATTEMPTS);
                    pause(attempt);
                }
            }
        } finally {
            conn.setAutoCommit(autoCommit);
        }
    }

    private String swapOnce(Connection conn, String sql, Integer tableId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
            ps.setString(1, LOCK_TIMEOUT.toMillis() + "ms");
            ps.execute();
        }
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (tableId != null) {
                ps.setInt(1, tableId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    // Lets the readers that queued behind the failed attempt drain before the next one.
    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(2000, 100L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
