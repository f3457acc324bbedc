package com.scalemodels.recs.vectordb;

import com.scalemodels.recs.model.Distance;
import com.scalemodels.recs.testing.JdbcSettings;
import com.scalemodels.recs.testing.LocalDatabases;
import com.scalemodels.recs.testing.VectorCopy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Test data for the vector database: a private schema with the contract's tables, random unit vectors from a
 * fixed seed, COPY BINARY loading, and the exact brute-force top-k the client's answers are checked against.
 */
final class VectorFixtures implements AutoCloseable {

    final JdbcSettings admin = LocalDatabases.postgres();
    final String schema;
    final int dimension;

    VectorFixtures(String prefix, int dimension) throws SQLException {
        this.schema = (prefix + "_" + Long.toHexString(System.nanoTime()) + "_" + ProcessHandle.current().pid())
                .toLowerCase(Locale.ROOT);
        this.dimension = dimension;
        try (Connection c = admin.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE TABLE " + schema + ".item_emb (id varchar PRIMARY KEY, embedding vector(" + dimension + "))");
            s.execute("CREATE TABLE " + schema + ".user_emb (id integer PRIMARY KEY, embedding vector(" + dimension + "))");
        }
    }

    /** The JDBC URL that makes {@code schema} (then public, where the extension lives) the search path. */
    String url() {
        String sep = admin.url().contains("?") ? "&" : "?";
        return admin.url() + sep + "currentSchema=" + schema + ",public";
    }

    /** A client of this schema with its own pool, logged in with the local admin's static credentials. */
    SimilarityClient client(Distance distance, Distance itemDistance) {
        VectorDbConfig config = new VectorDbConfig(url(), new VectorDbConfig.Credentials.Static(admin.user(),
                admin.password()), 2, Duration.ofSeconds(5), Duration.ofSeconds(60));
        return SimilarityClient.create(config, distance, itemDistance, dimension, () -> {
            throw new AssertionError("static credentials need no Secrets Manager");
        });
    }

    static float[][] randomUnitVectors(int n, int dimension, long seed) {
        Random random = new Random(seed);
        float[][] vectors = new float[n][dimension];
        for (float[] v : vectors) {
            double norm = 0;
            for (int d = 0; d < dimension; d++) {
                v[d] = (float) random.nextGaussian();
                norm += v[d] * v[d];
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < dimension; d++) {
                v[d] *= inv;
            }
        }
        return vectors;
    }

    /**
     * Unit vectors drawn around 1000 random centres (noise 0.35 per coordinate): structured like learned
     * embeddings, unlike isotropic noise, which is HNSW's worst case (recall@10 ≈ 0.89 at ef_search 64 on 100 k
     * 32-dim vectors here, against ≈ 0.999 for this mixture).
     */
    static float[][] clusteredUnitVectors(int n, int dimension, long seed) {
        Random centresRandom = new Random(1);
        float[][] centres = new float[1000][dimension];
        for (float[] c : centres) {
            for (int d = 0; d < dimension; d++) {
                c[d] = (float) centresRandom.nextGaussian();
            }
        }
        Random random = new Random(seed);
        float[][] vectors = new float[n][dimension];
        for (float[] v : vectors) {
            float[] c = centres[random.nextInt(centres.length)];
            double norm = 0;
            for (int d = 0; d < dimension; d++) {
                v[d] = (float) (c[d] + 0.35 * random.nextGaussian());
                norm += v[d] * v[d];
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < dimension; d++) {
                v[d] *= inv;
            }
        }
        return vectors;
    }

    static String itemId(int i) {
        return "S" + (10 + i % 90) + "_" + (1000 + i);
    }

    void copyItems(List<String> ids, float[][] vectors) throws SQLException {
        try (Connection c = admin.connect()) {
            VectorCopy.copy(c, schema + ".item_emb", ids.size(), dimension,
                    i -> ids.get(i).getBytes(StandardCharsets.UTF_8), i -> vectors[i]);
        }
    }

    void copyUsers(int[] ids, float[][] vectors) throws SQLException {
        try (Connection c = admin.connect()) {
            VectorCopy.copy(c, schema + ".user_emb", ids.length, dimension,
                    i -> ByteBuffer.allocate(4).putInt(ids[i]).array(), i -> vectors[i]);
        }
    }

    void createHnswIndex(Distance distance) throws SQLException {
        try (Connection c = admin.connect(); Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '512MB'");
            s.execute("CREATE INDEX ON " + schema + ".item_emb USING hnsw (embedding " + distance.opclass()
                    + ") WITH (m = 16, ef_construction = 64)");
            s.execute("ANALYZE " + schema + ".item_emb");
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = admin.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Exact top-k by score computed in double; ties broken by id like the client's ORDER BY. */
    static List<ScoredItem> bruteForce(float[] query, List<String> ids, float[][] vectors, Distance distance, int k,
            Set<String> exclude) {
        Comparator<ScoredItem> best = Comparator.comparingDouble(ScoredItem::score).reversed()
                .thenComparing(ScoredItem::id);
        // Bounded heap whose head is the worst kept item: O(n log k), not a sort of every item.
        java.util.PriorityQueue<ScoredItem> top = new java.util.PriorityQueue<>(k + 1, best.reversed());
        for (int i = 0; i < ids.size(); i++) {
            if (!exclude.contains(ids.get(i))) {
                top.add(new ScoredItem(ids.get(i), score(query, vectors[i], distance)));
                if (top.size() > k) {
                    top.poll();
                }
            }
        }
        List<ScoredItem> all = new ArrayList<>(top);
        all.sort(best);
        return all;
    }

    static double score(float[] a, float[] b, Distance distance) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < a.length; d++) {
            dot += (double) a[d] * b[d];
            na += (double) a[d] * a[d];
            nb += (double) b[d] * b[d];
        }
        return distance == Distance.INNER_PRODUCT ? dot : dot / Math.sqrt(na * nb);
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
