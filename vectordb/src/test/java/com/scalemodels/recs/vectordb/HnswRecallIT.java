package com.scalemodels.recs.vectordb;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalemodels.recs.model.Distance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client over an HNSW index (m 16, ef_construction 64: the loader's defaults) of 100 k random unit 32-dim
 * vectors: approximate, but close to brute force. Isotropic random vectors are HNSW's hard case (learned
 * embeddings cluster, which helps), so this bounds recall from below.
 */
class HnswRecallIT {

    private static final Logger LOG = LoggerFactory.getLogger(HnswRecallIT.class);
    private static final int DIM = 32;
    private static final int ITEMS = 100_000;
    private static VectorFixtures db;
    private static List<String> ids;
    private static float[][] vectors;
    private static SimilarityClient client;

    @BeforeAll
    static void load() throws Exception {
        long start = System.nanoTime();
        db = new VectorFixtures("hnsw_recall_it", DIM);
        ids = IntStream.range(0, ITEMS).mapToObj(VectorFixtures::itemId).toList();
        vectors = VectorFixtures.randomUnitVectors(ITEMS, DIM, 42);
        db.copyItems(ids, vectors);
        long loaded = System.nanoTime();
        db.createHnswIndex(Distance.INNER_PRODUCT);
        LOG.info("loaded {} vectors in {} ms, built HNSW in {} ms", ITEMS, (loaded - start) / 1_000_000,
                (System.nanoTime() - loaded) / 1_000_000);
        client = SimilarityClient.create(new VectorDbConfig(db.url(),
                new VectorDbConfig.Credentials.Static(db.admin.user(), db.admin.password()), 2,
                Duration.ofSeconds(5), Duration.ofSeconds(30)), Distance.INNER_PRODUCT, Distance.INNER_PRODUCT, DIM,
                () -> null);
    }

    @AfterAll
    static void drop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void recallAt10IsAtLeast95PercentOver200Queries() {
        float[][] queries = VectorFixtures.randomUnitVectors(200, DIM, 4242);

        List<List<ScoredItem>> results = client.itemsForVectors(List.of(queries), List.of(), 10);

        int found = 0;
        for (int q = 0; q < queries.length; q++) {
            Set<String> exact = new HashSet<>();
            VectorFixtures.bruteForce(queries[q], ids, vectors, Distance.INNER_PRODUCT, 10, Set.of())
                    .forEach(s -> exact.add(s.id()));
            assertThat(results.get(q)).hasSize(10);
            for (ScoredItem s : results.get(q)) {
                if (exact.contains(s.id())) {
                    found++;
                }
            }
        }
        double recall = found / (10.0 * queries.length);
        LOG.info("recall@10 = {}", recall);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void largeKAndManyExclusionsStillFillEveryListBecauseEfSearchIsRaised() {
        float[][] queries = VectorFixtures.clusteredUnitVectors(5, DIM, 77);
        List<Set<String>> excludes = new ArrayList<>();
        for (float[] q : queries) {
            Set<String> best = new HashSet<>();
            VectorFixtures.bruteForce(q, ids, vectors, Distance.INNER_PRODUCT, 150, Set.of())
                    .forEach(s -> best.add(s.id()));
            excludes.add(best);
        }

        List<List<ScoredItem>> results = client.itemsForVectors(List.of(queries), excludes, 100);

        for (int q = 0; q < queries.length; q++) {
            assertThat(results.get(q)).hasSize(100);
            Set<String> excluded = excludes.get(q);
            assertThat(results.get(q)).noneMatch(s -> excluded.contains(s.id()));
        }
    }

    /** Recall alone cannot tell an index scan from an exact one: the plan must use the HNSW index per row. */
    @Test
    void bothBatchedQueriesScanTheHnswIndex() throws Exception {
        try (java.sql.Connection c = db.admin.connect()) {
            c.createStatement().execute("SET search_path = " + db.schema + ", public");
            String plan;
            try (java.sql.PreparedStatement ps = c.prepareStatement("EXPLAIN " + client.itemsForVectorsQuery())) {
                ps.setArray(1, c.createArrayOf("vector", new Object[] {new com.pgvector.PGvector(vectors[1]),
                        new com.pgvector.PGvector(vectors[2])}));
                ps.setArray(2, c.createArrayOf("int4", new Integer[] {10, 10}));
                plan = planText(ps);
            }
            assertThat(plan).contains("Index Scan using item_emb_embedding_idx").doesNotContain("Seq Scan on item_emb");
            try (java.sql.PreparedStatement ps = c.prepareStatement("EXPLAIN " + client.similarItemsQuery())) {
                ps.setArray(1, c.createArrayOf("varchar", new String[] {ids.get(1), ids.get(2)}));
                ps.setInt(2, 11);
                plan = planText(ps);
            }
            assertThat(plan).contains("Index Scan using item_emb_embedding_idx");
        }
    }

    private static String planText(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        StringBuilder plan = new StringBuilder();
        try (java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        LOG.info("plan:\n{}", plan);
        return plan.toString();
    }

    @Test
    void similarItemsUseTheIndexToo() {
        var similar = client.similarItems(List.of(ids.get(0), ids.get(99_999)), 100);

        assertThat(similar.get(ids.get(0))).hasSize(100).noneMatch(s -> s.id().equals(ids.get(0)));
        assertThat(similar.get(ids.get(99_999))).hasSize(100);
    }
}
