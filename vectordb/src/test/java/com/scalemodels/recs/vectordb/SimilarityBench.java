package com.scalemodels.recs.vectordb;

import com.scalemodels.recs.model.Distance;
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
 * Latency is per call (one round trip for the whole batch).
 *
 * <pre>./bench.sh vectordb</pre>
 */
public final class SimilarityBench {

    private static final int DIM = 32;
    private static final int K = 10;
    private static final int[] SIZES = {110, 10_000, 100_000};
    private static final int[] BATCHES = {1, 10, 100, 500};

    private SimilarityBench() {
    }

    public static void main(String[] args) throws Exception {
        for (int n : SIZES) {
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
                try (SimilarityClient client = SimilarityClient.create(config, Distance.INNER_PRODUCT, DIM, () -> null)) {
                    for (int batch : BATCHES) {
                        run(client, ids, n, batch);
                    }
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
