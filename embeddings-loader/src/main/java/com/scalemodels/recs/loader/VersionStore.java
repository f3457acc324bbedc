package com.scalemodels.recs.loader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the bookkeeping table embedding_versions. */
final class VersionStore {

    private static final String COLUMNS = "table_id, model_version, embedding_dim, distance, item_rows, user_rows,"
            + " loaded_at, activated_at, status, coalesce(item_distance, distance), metrics::text";

    List<VersionRow> all(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM embedding_versions ORDER BY table_id DESC")) {
            List<VersionRow> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row(rs));
            }
            return rows;
        }
    }

    Optional<VersionRow> withStatus(Connection conn, String status) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT " + COLUMNS + " FROM embedding_versions WHERE status = ?")) {
            ps.setString(1, status);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** True when the bookkeeping table exists (a database the loader never touched has none). */
    boolean installed(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('embedding_versions') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    int discardStaged(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT embedding_discard_staged()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static VersionRow row(ResultSet rs) throws SQLException {
        return new VersionRow(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5),
                rs.getLong(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class),
                rs.getString(9), rs.getString(10), rs.getString(11));
    }
}
