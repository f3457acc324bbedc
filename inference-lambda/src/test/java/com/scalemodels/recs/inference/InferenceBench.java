package com.scalemodels.recs.inference;

import com.pgvector.PGvector;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.session.SessionEvent;
import com.scalemodels.recs.testing.JdbcSettings;
import com.scalemodels.recs.testing.LocalDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./bench.sh inference}: cold init with an empty and a warm DJL cache (each in a fresh JVM), and warm
 * latency of batch requests (1, 100, 500 sessions) on the sample catalog and on a 100k-item catalog, both with
 * HNSW indexes. Prints {@code inference.<metric>: <value> <unit>}.
 */
public final class InferenceBench {

    private static final int[] BATCHES = {1, 100, 500};
    private static final int BIG_CATALOG = 100_000;

    public static void main(String[] args) throws Exception {
        // Before the first logger exists: figures go to stdout, component logs would interleave with them.
        System.setProperty("logback.configurationFile", "logback-bench.xml");
        Path work = Files.createTempDirectory("inference-bench");
        coldInit(work);
        List<SessionEvent> sessions = SampleModelIT.sampleSessions();
        try (SampleCatalog sample = new SampleCatalog("bench_sample")) {
            sample.indexHnsw();
            latency("sample_catalog", sample.vectorDb(), sessions, work);
        }
        try (SampleCatalog big = new SampleCatalog("bench_100k")) {
            addRandomItems(big, BIG_CATALOG - 110);
            big.indexHnsw();
            latency("catalog_100k", big.vectorDb(), sessions, work);
        }
    }

    private static void coldInit(Path work) throws Exception {
        Path djlCache = work.resolve("djl-cold");
        print("init_empty_djl_cache_ms", initInFreshJvm(work, djlCache, "cold"), "ms");
        print("init_warm_djl_cache_ms", initInFreshJvm(work, djlCache, "warm"), "ms");
    }

    private static long initInFreshJvm(Path work, Path djlCache, String run) throws IOException, InterruptedException {
        JdbcSettings pg = LocalDatabases.postgres();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dai.djl.offline=true", "-Dlogback.configurationFile=logback-bench.xml", InitProbe.class.getName(),
                SampleCatalog.ARTIFACTS.toString(), work.resolve("artifact-cache-" + run).toString(), djlCache.toString(),
                pg.url(), pg.user(), pg.password())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("init probe failed:\n" + out);
        }
        return out.lines().filter(l -> l.startsWith("init_ms: ")).mapToLong(l -> Long.parseLong(l.substring(9)))
                .findFirst().orElseThrow(() -> new IllegalStateException("no init_ms in:\n" + out));
    }

    private static void latency(String catalog, VectorDbConfig db, List<SessionEvent> sessions, Path work) {
        try (InferenceRuntime runtime = InferenceRuntime.start(SampleCatalog.config(db, work))) {
            for (int batch : BATCHES) {
                List<SessionEvent> requestSessions = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    requestSessions.add(sessions.get(i % sessions.size()));
                }
                InferenceRequest request = new InferenceRequest("bench", 10, 5, requestSessions);
                int iterations = batch == 1 ? 2000 : batch == 100 ? 300 : 100;
                for (int i = 0; i < iterations / 5; i++) {
                    runtime.service().recommend(request);
                }
                double[] ms = new double[iterations];
                for (int i = 0; i < iterations; i++) {
                    long started = System.nanoTime();
                    runtime.service().recommend(request);
                    ms[i] = (System.nanoTime() - started) / 1e6;
                }
                Arrays.sort(ms);
                String prefix = catalog + ".batch_" + batch;
                print(prefix + ".p50_ms", ms[iterations / 2], "ms");
                print(prefix + ".p99_ms", ms[(int) Math.min(iterations - 1, Math.ceil(iterations * 0.99) - 1)], "ms");
                print(prefix + ".sessions_per_second", batch * 1000.0 * iterations / Arrays.stream(ms).sum(), "sessions/s");
            }
        }
    }

    private static void addRandomItems(SampleCatalog catalog, int count) throws Exception {
        Random random = new Random(7);
        try (Connection conn = LocalDatabases.postgres().connect()) {
            PGvector.registerTypes(conn);
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + catalog.schema() + ".item_emb VALUES (?, ?)")) {
                for (int i = 0; i < count; i++) {
                    float[] v = new float[32];
                    for (int d = 0; d < 32; d++) {
                        v[d] = (float) (random.nextGaussian() * 0.3);
                    }
                    ps.setString(1, String.format(Locale.ROOT, "B%06d", i));
                    ps.setObject(2, new PGvector(v));
                    ps.addBatch();
                    if (i % 2000 == 1999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            conn.commit();
        }
    }

    private static void print(String metric, double value, String unit) {
        System.out.printf(Locale.ROOT, "inference.%s: %.2f %s%n", metric, value, unit);
    }
}
