package com.scalemodels.recs.loader;

import com.scalemodels.recs.vectordb.VectorDbConfig;
import com.scalemodels.recs.testing.JdbcSettings;
import com.scalemodels.recs.testing.LocalDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throwaway database on the shared local server, named per process and test, so item_emb/user_emb never collide
 * with other test runs. Dropped on close.
 */
final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final JdbcSettings admin = LocalDatabases.postgres();
    private final String name;
    private final JdbcSettings settings;

    TestDatabase() throws SQLException {
        name = "loader_it_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection conn = admin.connect(); Statement st = conn.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        }
        settings = admin.withDatabase(name);
        try (Connection conn = connect(); Statement st = conn.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS vector");
        }
    }

    Connection connect() throws SQLException {
        return settings.connect();
    }

    JdbcSettings settings() {
        return settings;
    }

    VectorDbConfig config() {
        return VectorDbConfig.of(settings.url(), settings.user(), settings.password()).withPoolSize(1);
    }

    List<String> tables() throws SQLException {
        return strings("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                + " AND relkind IN ('r', 'v', 'i', 'S') ORDER BY relname");
    }

    List<String> strings(String sql) throws SQLException {
        try (Connection conn = connect(); Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c > 1 ? "|" : "").append(rs.getString(c));
                }
                out.add(row.toString());
            }
            return out;
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection conn = admin.connect(); Statement st = conn.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
