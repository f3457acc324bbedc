package com.scalemodels.recs.vectordb;

import com.scalemodels.recs.model.Distance;
import com.scalemodels.recs.vectordb.internal.VectorDbPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Benchmark of {@link SimilarityClient#itemsForVectors} (not a test): top-10 with 3 excluded ids per query (a
 * typical session), HNSW index (m 16, ef_construction 64, inner product) over 110 / 10 k / 100 k clustered random
 * unit 32-dim vectors, batches of 1, 10, 100, 500 query vectors per call, one caller, pool of 2 (the Lambda default).
 * Latency is per call (one round trip for the whole batch). Then recall@10 against brute force per
 * {@code hnsw.ef_search} floor, over 100 k isotropic random unit vectors (HNSW's hard case), which is what
 * {@link SimilarityClient#DEFAULT_MIN_EF_SEARCH} was chosen from.
 *
 * <pre>./bench.sh vectordb                 # both
 * ./bench.sh vectordb -- recall       # recall only</pre>
 */
public final class SimilarityBench {

    private static final int DIM = 32;
    private static final int K = 10;
    private static final int[] SIZES = {110, 10_000, 100_000};
    private static final int[] BATCHES = {1, 10, 100, 500};
    private static final int[] EF_SEARCH = {40, 64, 100, 150, 200};

    private SimilarityBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean recallOnly = List.of(args).contains("recall");
        for (int n : recallOnly ? new int[0] : SIZES) {
            try (VectorFixtures db = new VectorFixtures("similarity_bench", DIM)) {
                List<String> ids = IntStream.range(0, n).mapToObj(VectorFixtures::itemId).toList();
                db.copyItems(ids, VectorFixtures.clusteredUnitVectors(n, DIM, 42));
                long start = System.nanoTime();
                db.createHnswIndex(Distance.INNER_PRODUCT);
                System.err.printf(Locale.ROOT, "[bench] %d items: HNSW built in %d ms%n", n,
                        (System.nanoTime() - start) / 1_000_000);
                VectorDbConfig config = new VectorDbConfig(db.url(),
                        new VectorDbConfig.Credentials.Static(db.admin.user(), db.admin.password()),
                        VectorDbConfig.DEFAULT_POOL_SIZE, Duration.ofSeconds(5), Duration.ofSeconds(60));
                try (SimilarityClient client = SimilarityClient.create(config, Distance.INNER_PRODUCT,
                        Distance.INNER_PRODUCT, DIM, () -> null)) {
                    for (int batch : BATCHES) {
                        run(client, ids, n, batch);
                    }
                }
            }
        }
        recall(100_000);
    }

    private static void recall(int n) throws Exception {
        try (VectorFixtures db = new VectorFixtures("similarity_bench_recall", DIM)) {
            List<String> ids = IntStream.range(0, n).mapToObj(VectorFixtures::itemId).toList();
            float[][] vectors = VectorFixtures.randomUnitVectors(n, DIM, 42);
            db.copyItems(ids, vectors);
            db.createHnswIndex(Distance.INNER_PRODUCT);
            float[][] queries = VectorFixtures.randomUnitVectors(200, DIM, 4242);
            List<Set<String>> exact = new ArrayList<>();
            for (float[] q : queries) {
                Set<String> best = new HashSet<>();
                VectorFixtures.bruteForce(q, ids, vectors, Distance.INNER_PRODUCT, K, Set.of())
                        .forEach(s -> best.add(s.id()));
                exact.add(best);
            }
            VectorDbConfig config = new VectorDbConfig(db.url(),
                    new VectorDbConfig.Credentials.Static(db.admin.user(), db.admin.password()),
                    VectorDbConfig.DEFAULT_POOL_SIZE, Duration.ofSeconds(5), Duration.ofSeconds(60));
            for (int ef : EF_SEARCH) {
                try (SimilarityClient client = new SimilarityClient(
                        VectorDbPool.create(config, new RotatingLogin(config.credentials(),
                                c -> (VectorDbConfig.Credentials.Static) c)),
                        Distance.INNER_PRODUCT, Distance.INNER_PRODUCT, DIM, ef)) {
                    List<List<ScoredItem>> found = client.itemsForVectors(List.of(queries), List.of(), K);
                    long hits = 0;
                    for (int q = 0; q < queries.length; q++) {
                        Set<String> best = exact.get(q);
                        hits += found.get(q).stream().filter(s -> best.contains(s.id())).count();
                    }
                    System.out.printf(Locale.ROOT, "vectordb.recall_at_10.items_%d.ef_search_%d: %.3f fraction%n",
                            n, ef, hits / (double) (K * queries.length));
                }
            }
        }
    }

    private static void run(SimilarityClient client, List<String> ids, int n, int batch) {
        float[][] pool = VectorFixtures.clusteredUnitVectors(batch * 8, DIM, 7L * batch + n);
        List<Set<String>> excludes = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            excludes.add(new HashSet<>(List.of(ids.get(i % n), ids.get((i * 7 + 1) % n), ids.get((i * 13 + 2) % n))));
        }
        int calls = Math.max(30, Math.min(300, 3000 / batch));
        int warmup = Math.max(5, calls / 5);
        long[] nanos = new long[calls];
        long total = 0;
        for (int c = -warmup; c < calls; c++) {
            int offset = Math.floorMod(c, 8) * batch;
            List<float[]> queries = Arrays.asList(pool).subList(offset, offset + batch);
            long t = System.nanoTime();
            List<List<ScoredItem>> r = client.itemsForVectors(queries, excludes, K);
            long elapsed = System.nanoTime() - t;
            if (r.size() != batch) {
                throw new IllegalStateException("wrong result count");
            }
            if (c >= 0) {
                nanos[c] = elapsed;
                total += elapsed;
            }
        }
        Arrays.sort(nanos);
        String prefix = "vectordb.items_" + n + ".batch_" + batch + ".";
        System.out.printf(Locale.ROOT, "%squeries_per_second: %.0f q/s%n", prefix,
                (double) batch * calls / (total / 1e9));
        System.out.printf(Locale.ROOT, "%sp50_ms: %.2f ms%n", prefix, percentile(nanos, 0.50) / 1e6);
        System.out.printf(Locale.ROOT, "%sp99_ms: %.2f ms%n", prefix, percentile(nanos, 0.99) / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
