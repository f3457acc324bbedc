package com.scalemodels.recs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.pgvector.PGvector;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local PostgreSQL answers through HikariCP with pgvector types, as the Lambdas will use it. */
class LocalPostgresIT {

    private static final String SCHEMA = "foundation_it_" + ProcessHandle.current().pid();
    private static HikariDataSource pool;

    @BeforeAll
    static void createSchema() throws SQLException {
        JdbcSettings pg = LocalDatabases.postgres();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.url());
        config.setUsername(pg.user());
        config.setPassword(pg.password());
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        try (Connection conn = pool.getConnection(); Statement st = conn.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS vector");
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            st.execute("CREATE SCHEMA " + SCHEMA);
            st.execute("CREATE TABLE " + SCHEMA + ".items (id text PRIMARY KEY, embedding vector(3))");
        }
        // Inner product and cosine disagree on purpose: b is long and aligned, c is short and more aligned.
        insert("a", new float[] {1, 0, 0});
        insert("b", new float[] {4, 4, 0});
        insert("c", new float[] {0.1f, 0.2f, 0});
        insert("d", new float[] {0, 0, -1});
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection conn = pool.getConnection(); Statement st = conn.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        pool.close();
    }

    private static void insert(String id, float[] vector) throws SQLException {
        try (Connection conn = pooledWithVectorTypes();
             PreparedStatement ps = conn.prepareStatement("INSERT INTO " + SCHEMA + ".items VALUES (?, ?)")) {
            ps.setString(1, id);
            ps.setObject(2, new PGvector(vector));
            ps.executeUpdate();
        }
    }

    // A Hikari connection is a proxy; pgvector-java 0.1.6 unwraps it to the physical PGConnection itself.
    private static Connection pooledWithVectorTypes() throws SQLException {
        Connection conn = pool.getConnection();
        PGvector.registerTypes(conn);
        return conn;
    }

    private static List<String> topK(String operator, float[] query, int k) throws SQLException {
        String sql = "SELECT id FROM " + SCHEMA + ".items ORDER BY embedding " + operator + " ? LIMIT ?";
        try (Connection conn = pooledWithVectorTypes(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setObject(1, new PGvector(query));
            ps.setInt(2, k);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    @Test
    void pgvectorIsAtLeastVersion08() throws SQLException {
        try (Connection conn = pool.getConnection(); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'vector'")) {
            assertThat(rs.next()).isTrue();
            String[] parts = rs.getString(1).split("\\.");
            assertThat(Integer.parseInt(parts[0]) * 100 + Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void innerProductOrdersByDotProduct() throws SQLException {
        // dots with (1,1,0): a=1, b=8, c=0.3, d=0
        assertThat(topK("<#>", new float[] {1, 1, 0}, 3)).containsExactly("b", "a", "c");
    }

    @Test
    void cosineOrdersByAngle() throws SQLException {
        // angle to (1,2,0): c is exactly aligned, b at 18°, a at 63°, d at 90°
        assertThat(topK("<=>", new float[] {1, 2, 0}, 4)).containsExactly("c", "b", "a", "d");
    }

    @Test
    void vectorsRoundTripThroughPgvectorJava() throws SQLException {
        try (Connection conn = pooledWithVectorTypes(); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT embedding FROM " + SCHEMA + ".items WHERE id = 'c'")) {
            assertThat(rs.next()).isTrue();
            assertThat(((PGvector) rs.getObject(1)).toArray()).containsExactly(0.1f, 0.2f, 0f);
        }
    }
}
