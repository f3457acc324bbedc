package com.scalemodels.recs.testing;

import com.pgvector.PGvector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;

/**
 * The benchmark mechanism's first, trivial suite: top-10 by inner product over 10k random 32-dim vectors, exact
 * and through HNSW. Prints {@code pgvector-smoke.<metric>: <value> <unit>} lines.
 */
public final class PgvectorSmokeBench {

    private static final int ROWS = 10_000;
    private static final int DIM = 32;
    private static final int QUERIES = 500;

    public static void main(String[] args) throws SQLException {
        String schema = "bench_smoke_" + ProcessHandle.current().pid();
        try (Connection conn = LocalDatabases.postgres().connect()) {
            PGvector.registerTypes(conn);
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE SCHEMA " + schema);
                st.execute("CREATE TABLE " + schema + ".items (id int PRIMARY KEY, embedding vector(" + DIM + "))");
            }
            try {
                run(conn, schema);
            } finally {
                try (Statement st = conn.createStatement()) {
                    st.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private static void run(Connection conn, String schema) throws SQLException {
        Random random = new Random(42);
        long start = System.nanoTime();
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + schema + ".items VALUES (?, ?)")) {
            for (int i = 0; i < ROWS; i++) {
                ps.setInt(1, i);
                ps.setObject(2, new PGvector(randomVector(random)));
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
        }
        conn.commit();
        conn.setAutoCommit(true);
        print("insert_rows_per_second", ROWS / seconds(start), "rows/s");

        print("exact_top10_p50_ms", percentileMs(conn, schema, random, 0.50), "ms");
        start = System.nanoTime();
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE INDEX ON " + schema + ".items USING hnsw (embedding vector_ip_ops)");
            st.execute("ANALYZE " + schema + ".items");
        }
        print("hnsw_build_seconds", seconds(start), "s");
        print("hnsw_top10_p50_ms", percentileMs(conn, schema, random, 0.50), "ms");
        print("hnsw_top10_p99_ms", percentileMs(conn, schema, random, 0.99), "ms");
    }

    private static double percentileMs(Connection conn, String schema, Random random, double p) throws SQLException {
        double[] ms = new double[QUERIES];
        String sql = "SELECT id FROM " + schema + ".items ORDER BY embedding <#> ? LIMIT 10";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int q = 0; q < QUERIES; q++) {
                ps.setObject(1, new PGvector(randomVector(random)));
                long start = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getInt(1);
                    }
                }
                ms[q] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms[(int) Math.min(QUERIES - 1, Math.floor(p * QUERIES))];
    }

    private static float[] randomVector(Random random) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(String metric, double value, String unit) {
        System.out.printf(java.util.Locale.ROOT, "pgvector-smoke.%s: %.3f %s%n", metric, value, unit);
    }
}
