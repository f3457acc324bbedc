package com.scalemodels.recs.transformation;

import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import com.scalemodels.recs.inference.contract.InferenceClient;
import com.scalemodels.recs.inference.SampleCatalog;
import com.scalemodels.recs.inference.InferenceRuntime;
import com.scalemodels.recs.inference.InProcessInferenceClient;
import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (run by ./bench.sh transformation, not a test): 1 MB Firehose batches through the handler and the
 * batch processor. Two variants: with a fast fake inference client (this function's own cost: decoding,
 * validation, chunk planning, enrichment encoding, size budget and base64), and with the real inference service
 * in-process (sample DJL model, pgvector with HNSW on the local PostgreSQL). Prints one figure per line.
 *
 * <p>Arguments: {@code [measuredBatches] [warmupBatches]}, default 60 and 20.
 */
public final class TransformationBench {

    private static final int BATCH_BYTES = 1_000_000;

    private TransformationBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("LOG_LEVEL", "WARN"); // before logback starts: keep stdout to figures only
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;

        List<KinesisFirehoseEvent> synthetic = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            synthetic.add(syntheticBatch(b));
        }
        run("transformation.fake_inference.", handler(FakeInferenceClient.standard()), synthetic, measured, warmup);

        try (SampleCatalog catalog = new SampleCatalog("transformation_bench")) {
            catalog.indexHnsw();
            Path work = Files.createTempDirectory("transformation-bench");
            try (InferenceRuntime runtime = InferenceRuntime.start(SampleCatalog.config(catalog.vectorDb(), work))) {
                List<KinesisFirehoseEvent> samples = List.of(sampleBatch(0), sampleBatch(1));
                run("transformation.inprocess_inference.", handler(new InProcessInferenceClient(runtime.service())),
                        samples, Math.max(10, measured / 3), Math.max(3, warmup / 3));
            }
        }
    }

    private static FirehoseTransformationHandler handler(InferenceClient inference) {
        return new FirehoseTransformationHandler(FirehoseBatchProcessor.standard(inference),
                new BatchMetrics(new CapturingMetricsEnvironment(), "Recs/Bench", "bench"));
    }

    private static void run(String prefix, FirehoseTransformationHandler handler, List<KinesisFirehoseEvent> events,
            int measured, int warmup) {
        for (int i = 0; i < warmup; i++) {
            handler.handleRequest(events.get(i % events.size()), null);
        }
        double[] millis = new double[measured];
        long sessions = 0;
        long okRecords = 0;
        long maxResponseBytes = 0;
        long totalNanos = 0;
        for (int i = 0; i < measured; i++) {
            KinesisFirehoseEvent event = events.get(i % events.size());
            long start = System.nanoTime();
            FirehoseResponse response = handler.handleRequest(event, null);
            long nanos = System.nanoTime() - start;
            totalNanos += nanos;
            millis[i] = nanos / 1e6;
            sessions += event.getRecords().size();
            okRecords += response.records().stream().filter(r -> r.result() == FirehoseResult.Ok).count();
            if (i < events.size()) {
                maxResponseBytes = Math.max(maxResponseBytes, TestEvents.responseJson(response).length);
            }
        }
        Arrays.sort(millis);
        print(prefix, "sessions_per_s", sessions / (totalNanos / 1e9), "sessions/s");
        print(prefix, "batch_p50", percentile(millis, 0.50), "ms");
        print(prefix, "batch_p99", percentile(millis, 0.99), "ms");
        print(prefix, "sessions_per_batch", (double) sessions / measured, "sessions");
        print(prefix, "ok_ratio", (double) okRecords / sessions, "");
        print(prefix, "max_response_bytes", maxResponseBytes, "bytes");
    }

    /** About 1 MB of synthetic sessions with 1 to 8 history items (≈ 200 to 650 bytes each). */
    private static KinesisFirehoseEvent syntheticBatch(int seed) {
        List<byte[]> data = new ArrayList<>();
        int total = 0;
        for (int n = seed * 100_000; total < BATCH_BYTES; n++) {
            byte[] s = TestEvents.session(n, 1 + Math.floorMod(n * 7, 8));
            if (total + s.length > BATCH_BYTES) {
                break;
            }
            data.add(s);
            total += s.length;
        }
        return TestEvents.event("bench-" + seed, data);
    }

    /** About 1 MB of the committed sample sessions (customers and products the sample model knows), cycled. */
    private static KinesisFirehoseEvent sampleBatch(int seed) throws IOException {
        List<String> lines = Files.readAllLines(SampleCatalog.REPO.resolve("samples/events/sessions.jsonl"));
        List<byte[]> data = new ArrayList<>();
        int total = 0;
        for (int n = seed * 37; ; n++) {
            byte[] s = lines.get(n % lines.size()).getBytes(StandardCharsets.UTF_8);
            if (total + s.length > BATCH_BYTES) {
                break;
            }
            data.add(s);
            total += s.length;
        }
        return TestEvents.event("bench-sample-" + seed, data);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void print(String prefix, String metric, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "%s%s: %.1f %s", prefix, metric, value, unit).strip());
    }
}
