package com.scalemodels.recs.inference;

import com.scalemodels.recs.enrichment.Recommendation;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.recommend.ItemCatalog;
import com.scalemodels.recs.model.Distance;
import com.scalemodels.recs.session.BrowseItem;
import com.scalemodels.recs.session.SessionEvent;
import com.scalemodels.recs.testing.JdbcSettings;
import com.scalemodels.recs.testing.LocalDatabases;
import com.scalemodels.recs.vectordb.SimilarityClient;
import com.scalemodels.recs.vectordb.VectorDbUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * {@code ./bench.sh inference [-- SIZES…]}: the inference function's service on catalogs of 110 (the sample), 100k
 * and 1M items (the sample's plus isotropic random unit vectors, the hard case for approximate indexes).
 * Prints {@code inference.<metric>: <value> <unit>}:
 * <ul>
 *   <li>cold init with an empty and a warm DJL cache (fresh JVMs, sample catalog);</li>
 *   <li>per catalog, warm latency of batches of 1, 100 and 500 sessions with the in-memory copy, and as the
 *       baseline in the same run with pgvector's HNSW indexes (up to 100k items: an HNSW build of 1M items takes
 *       ~8 minutes here). Sample sessions, whose similar-items seeds are cached after the first batch, and for
 *       large catalogs also sessions that browse random catalog items (seeds mostly new: the worst case);</li>
 *   <li>for large catalogs, recall@10 against an exact brute force (double precision, vectors regenerated
 *       independently of the database) for user→item with exclusions (random queries and the sample model's users)
 *       and item→item (random items and the sample's products), init with the catalog (fresh JVM, warm DJL cache)
 *       and its peak resident memory, and the heap the in-memory copy takes.</li>
 * </ul>
 */
public final class InferenceBench {

    private static final int[] DEFAULT_SIZES = {110, 100_000, 1_000_000};
    private static final int PGVECTOR_MAX = 100_000;
    private static final int[] BATCHES = {1, 100, 500};
    private static final int K = 10;
    private static final int SIMILAR_K = 5;
    private static final long SECONDS_PER_ROW = 40;
    private static final long RANDOM_SEED = 7;
    private static final String RANDOM_PREFIX = "R";
    private static final int RECALL_QUERIES = 100;

    private InferenceBench() {
    }

    public static void main(String[] args) throws Exception {
        // Before the first logger exists: figures go to stdout, component logs would interleave with them.
        System.setProperty("logback.configurationFile", "logback-bench.xml");
        int[] sizes = args.length == 0 ? DEFAULT_SIZES : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path work = Files.createTempDirectory("inference-bench");
        coldInit(work);
        List<SessionEvent> sessions = SampleModelIT.sampleSessions();
        for (int size : sizes) {
            String label = label(size);
            try (SampleCatalog catalog = new SampleCatalog("bench_" + size)) {
                if (size > 110) {
                    long started = System.nanoTime();
                    catalog.addRandomUnitItems(size - 110, RANDOM_SEED, RANDOM_PREFIX);
                    System.err.printf(Locale.ROOT, "[bench] %s: %d items copied into PostgreSQL in %d ms%n", label,
                            size, (System.nanoTime() - started) / 1_000_000);
                }
                try (InferenceRuntime runtime = InferenceRuntime.start(SampleCatalog.config(catalog.vectorDb(), work))) {
                    if (runtime.catalog().mode() != ItemCatalog.Mode.IN_MEMORY) {
                        throw new IllegalStateException(label + " was not copied into memory (see the log)");
                    }
                    latency(label + ".in_memory", runtime, sessions, BATCHES);
                    if (size > 110) {
                        measure(label + ".in_memory.new_seeds.batch_500", runtime,
                                randomSeedSessions(sessions, size), 500);
                        recall(label, runtime, size);
                    }
                }
                if (size > 110) {
                    initWithCatalog(label, catalog, work);
                    catalogHeap(label, catalog);
                }
                if (size <= PGVECTOR_MAX) {
                    long started = System.nanoTime();
                    catalog.indexHnsw();
                    System.err.printf(Locale.ROOT, "[bench] %s: HNSW indexes built in %d ms%n", label,
                            (System.nanoTime() - started) / 1_000_000);
                    try (InferenceRuntime runtime = InferenceRuntime.start(SampleCatalog.config(catalog.vectorDb(),
                            work, 0))) {
                        latency(label + ".pgvector", runtime, sessions, BATCHES);
                        if (size > 110) {
                            measure(label + ".pgvector.new_seeds.batch_500", runtime,
                                    randomSeedSessions(sessions, size), 500);
                        }
                    }
                }
            }
        }
    }

    private static String label(int size) {
        if (size == 110) {
            return "sample_catalog";
        }
        return size % 1_000_000 == 0 ? "catalog_" + size / 1_000_000 + "m"
                : size % 1000 == 0 ? "catalog_" + size / 1000 + "k" : "catalog_" + size;
    }

    private static void coldInit(Path work) throws Exception {
        try (SampleCatalog catalog = new SampleCatalog("bench_init")) {
            Path djlCache = work.resolve("djl-cold");
            print("init_empty_djl_cache_ms", initInFreshJvm(catalog, work, djlCache, "cold").get("init_ms"), "ms");
            print("init_warm_djl_cache_ms", initInFreshJvm(catalog, work, djlCache, "warm").get("init_ms"), "ms");
        }
    }

    private static void initWithCatalog(String label, SampleCatalog catalog, Path work) throws Exception {
        Path djlCache = work.resolve("djl-cold");
        Map<String, String> probe = initInFreshJvm(catalog, work, djlCache, label);
        if (!"in_memory".equals(probe.get("retrieval"))) {
            throw new IllegalStateException("init probe did not copy the catalog: " + probe);
        }
        print(label + ".init_warm_djl_cache_ms", probe.get("init_ms"), "ms");
        print(label + ".init_peak_rss_mb", probe.get("peak_rss_mb"), "MiB");
    }

    private static Map<String, String> initInFreshJvm(SampleCatalog catalog, Path work, Path djlCache, String run)
            throws IOException, InterruptedException {
        JdbcSettings pg = LocalDatabases.postgres();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String url = catalog.vectorDb().jdbcUrl();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "--add-modules=jdk.incubator.vector", "-Xmx4g",
                "-Dai.djl.offline=true", "-Dlogback.configurationFile=logback-bench.xml", InitProbe.class.getName(),
                SampleCatalog.ARTIFACTS.toString(), work.resolve("artifact-cache-" + run).toString(), djlCache.toString(),
                url, pg.user(), pg.password())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("init probe failed:\n" + out);
        }
        Map<String, String> figures = new LinkedHashMap<>();
        out.lines().filter(l -> l.matches("[a-z_]+: \\S+")).forEach(l -> figures.put(l.substring(0, l.indexOf(':')),
                l.substring(l.indexOf(':') + 2)));
        if (!figures.containsKey("init_ms")) {
            throw new IllegalStateException("no init_ms in:\n" + out);
        }
        return figures;
    }

    /** The heap the in-memory copy holds once built, garbage collected before and after. */
    private static void catalogHeap(String label, SampleCatalog catalog) throws Exception {
        try (SimilarityClient client = SimilarityClient.create(catalog.vectorDb(), Distance.INNER_PRODUCT,
                Distance.COSINE, 32)) {
            long before = heapAfterGc();
            try (ItemCatalog copy = ItemCatalog.open(client, SampleCatalog.modelVersion(),
                    InferenceConfig.DEFAULT_IN_MEMORY_CATALOG_MB, Runtime.getRuntime().availableProcessors())) {
                long after = heapAfterGc();
                print(label + ".catalog_heap_mb", (after - before) / (1024.0 * 1024), "MiB");
                if (copy.mode() != ItemCatalog.Mode.IN_MEMORY) {
                    throw new IllegalStateException("not copied");
                }
            }
        }
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Batches of the sample's customers browsing random catalog items: a new similar-items seed per session. */
    private static List<List<SessionEvent>> randomSeedSessions(List<SessionEvent> sample, int size) {
        Random random = new Random(11);
        List<List<SessionEvent>> batches = new ArrayList<>();
        for (int b = 0; b < 200; b++) {
            List<SessionEvent> batch = new ArrayList<>(500);
            for (int i = 0; i < 500; i++) {
                SessionEvent s = sample.get(random.nextInt(sample.size()));
                List<BrowseItem> history = new ArrayList<>();
                for (int h = 0; h < 3; h++) {
                    history.add(new BrowseItem(SampleCatalog.randomItemId(RANDOM_PREFIX, random.nextInt(size - 110)),
                            1, h == 2));
                }
                batch.add(new SessionEvent(s.sessionId() + "-" + b, s.customerNumber(), s.city(), s.country(),
                        s.creditLimit(), history));
            }
            batches.add(batch);
        }
        return batches;
    }

    private static void latency(String prefix, InferenceRuntime runtime, List<SessionEvent> sessions, int[] batches) {
        for (int batch : batches) {
            List<SessionEvent> requestSessions = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                requestSessions.add(sessions.get(i % sessions.size()));
            }
            measure(prefix + ".batch_" + batch, runtime, List.of(requestSessions), batch);
        }
    }

    /**
     * Warm-up, then requests until 100 (2,000 for single sessions) are timed or {@link #SECONDS_PER_ROW} pass. A
     * request the database gives up on (its statement timeout) ends the row with that figure instead.
     */
    private static void measure(String prefix, InferenceRuntime runtime, List<List<SessionEvent>> batches, int batch) {
        try {
            timed(prefix, runtime, batches, batch);
        } catch (VectorDbUnavailableException e) {
            System.out.printf(Locale.ROOT, "inference.%s.failed: %s%n", prefix, e.getMessage().replace('\n', ' '));
        }
    }

    private static void timed(String prefix, InferenceRuntime runtime, List<List<SessionEvent>> batches, int batch) {
        int wanted = batch == 1 ? 2000 : batch == 100 ? 300 : 100;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS_PER_ROW);
        int next = 0;
        for (int i = 0; i < Math.max(3, wanted / 10); i++) {
            runtime.service().recommend(new InferenceRequest("bench", K, SIMILAR_K, batches.get(next++ % batches.size())));
        }
        double[] ms = new double[wanted];
        int n = 0;
        while (n < wanted && (n < 10 || System.nanoTime() < deadline)) {
            InferenceRequest request = new InferenceRequest("bench", K, SIMILAR_K, batches.get(next++ % batches.size()));
            long started = System.nanoTime();
            runtime.service().recommend(request);
            ms[n++] = (System.nanoTime() - started) / 1e6;
        }
        double[] timed = Arrays.copyOf(ms, n);
        Arrays.sort(timed);
        print(prefix + ".p50_ms", timed[n / 2], "ms");
        print(prefix + ".p99_ms", timed[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)], "ms");
        print(prefix + ".sessions_per_second", batch * 1000.0 * n / Arrays.stream(timed).sum(), "sessions/s");
        System.err.printf(Locale.ROOT, "[bench] %s: %d requests timed%n", prefix, n);
    }

    /** recall@10 of the served answers against an exact brute force over independently regenerated vectors. */
    private static void recall(String label, InferenceRuntime runtime, int size) throws Exception {
        Map<String, float[]> sampleItems = ReferenceData.embeddings(SampleCatalog.ARTIFACTS.resolve(
                "embeddings/item_embeddings.csv"));
        Map<String, float[]> sampleUsers = ReferenceData.embeddings(SampleCatalog.ARTIFACTS.resolve(
                "embeddings/user_embeddings.csv"));
        List<String> ids = new ArrayList<>(sampleItems.keySet());
        List<float[]> vectors = new ArrayList<>(sampleItems.values());
        SampleCatalog.RandomUnitVectors generated = new SampleCatalog.RandomUnitVectors(RANDOM_SEED, 32);
        for (int i = 0; i < size - 110; i++) {
            ids.add(SampleCatalog.randomItemId(RANDOM_PREFIX, i));
            vectors.add(generated.next());
        }
        Random random = new Random(4242);
        SampleCatalog.RandomUnitVectors queries = new SampleCatalog.RandomUnitVectors(4243, 32);
        List<float[]> randomQueries = IntStream.range(0, RECALL_QUERIES).mapToObj(i -> queries.next()).toList();
        List<float[]> userQueries = sampleUsers.values().stream().limit(RECALL_QUERIES).toList();
        print(label + ".recall_at_10.user_to_item.random_queries",
                userToItemRecall(runtime, ids, vectors, randomQueries, random), "");
        print(label + ".recall_at_10.user_to_item.sample_users",
                userToItemRecall(runtime, ids, vectors, userQueries, random), "");
        List<Integer> randomSeeds = IntStream.range(0, RECALL_QUERIES).mapToObj(i -> 110 + random.nextInt(size - 110))
                .toList();
        List<Integer> sampleSeeds = IntStream.range(0, Math.min(RECALL_QUERIES, 110)).boxed().toList();
        print(label + ".recall_at_10.item_to_item.random_items", itemToItemRecall(runtime, ids, vectors, randomSeeds),
                "");
        print(label + ".recall_at_10.item_to_item.sample_items", itemToItemRecall(runtime, ids, vectors, sampleSeeds),
                "");
    }

    /** Each query excludes its exact best item and three random ones, as a session excludes what it browsed. */
    private static double userToItemRecall(InferenceRuntime runtime, List<String> ids, List<float[]> vectors,
            List<float[]> queries, Random random) {
        double sum = 0;
        for (float[] q : queries) {
            Set<String> exclude = new HashSet<>(bruteForce(q, ids, vectors, false, 1, Set.of()));
            for (int i = 0; i < 3; i++) {
                exclude.add(ids.get(random.nextInt(ids.size())));
            }
            List<String> exact = bruteForce(q, ids, vectors, false, K, exclude);
            List<String> served = runtime.service().itemsForUser(q, exclude, K).stream()
                    .map(Recommendation::productCode).toList();
            sum += overlap(served, exact);
        }
        return sum / queries.size();
    }

    private static double itemToItemRecall(InferenceRuntime runtime, List<String> ids, List<float[]> vectors,
            List<Integer> seeds) {
        double sum = 0;
        for (int seed : seeds) {
            List<String> exact = bruteForce(vectors.get(seed), ids, vectors, true, K, Set.of(ids.get(seed)));
            List<String> served = runtime.service().similarTo(ids.get(seed), K).orElseThrow().stream()
                    .map(Recommendation::productCode).toList();
            sum += overlap(served, exact);
        }
        return sum / seeds.size();
    }

    private static double overlap(List<String> served, List<String> exact) {
        Set<String> hit = new HashSet<>(exact);
        hit.retainAll(served);
        return (double) hit.size() / exact.size();
    }

    private static List<String> bruteForce(float[] q, List<String> ids, List<float[]> vectors, boolean cosine, int k,
            Set<String> exclude) {
        record Scored(int row, double score) {
        }
        PriorityQueue<Scored> top = new PriorityQueue<>(Comparator.comparingDouble(Scored::score));
        double qn = Math.sqrt(ReferenceData.dot(q, q));
        for (int r = 0; r < ids.size(); r++) {
            if (exclude.contains(ids.get(r))) {
                continue;
            }
            float[] v = vectors.get(r);
            double score = ReferenceData.dot(q, v);
            if (cosine) {
                score /= qn * Math.sqrt(ReferenceData.dot(v, v));
            }
            if (top.size() < k) {
                top.add(new Scored(r, score));
            } else if (score > top.peek().score()) {
                top.poll();
                top.add(new Scored(r, score));
            }
        }
        return top.stream().map(s -> ids.get(s.row())).toList();
    }

    private static void print(String metric, Object value, String unit) {
        String figure = value instanceof Double d ? String.format(Locale.ROOT, "%.2f", d)
                : value instanceof Float f ? String.format(Locale.ROOT, "%.2f", f) : String.valueOf(value);
        if (unit.isEmpty() && value instanceof Double d) {
            figure = String.format(Locale.ROOT, "%.4f", d);
        }
        System.out.printf(Locale.ROOT, "inference.%s: %s%s%n", metric, figure, unit.isEmpty() ? "" : " " + unit);
    }
}
