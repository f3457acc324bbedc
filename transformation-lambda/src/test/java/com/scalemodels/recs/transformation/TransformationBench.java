package com.scalemodels.recs.transformation;

import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (run by ./bench.sh transformation, not a test): 1 MB Firehose batches through the handler and the
 * batch processor, with a fast fake inference client, so the figure is this function's own cost: decoding,
 * validation, chunk planning, enrichment encoding, size budget and base64. Prints one figure per line.
 *
 * <p>Arguments: {@code [measuredBatches] [warmupBatches]}, default 60 and 20.
 */
public final class TransformationBench {

    private static final String PREFIX = "transformation.fake_inference.";
    private static final int BATCH_BYTES = 1_000_000;

    private TransformationBench() {
    }

    public static void main(String[] args) {
        System.setProperty("LOG_LEVEL", "WARN"); // before logback starts: keep stdout to figures only
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;

        List<KinesisFirehoseEvent> events = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            events.add(batch(b));
        }
        FirehoseTransformationHandler handler = new FirehoseTransformationHandler(
                FirehoseBatchProcessor.standard(FakeInferenceClient.standard()),
                new BatchMetrics(new CapturingMetricsEnvironment(), "Recs/Bench", "bench"));

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
        print("sessions_per_s", sessions / (totalNanos / 1e9), "sessions/s");
        print("batch_p50", percentile(millis, 0.50), "ms");
        print("batch_p99", percentile(millis, 0.99), "ms");
        print("sessions_per_batch", (double) sessions / measured, "sessions");
        print("ok_ratio", (double) okRecords / sessions, "");
        print("max_response_bytes", maxResponseBytes, "bytes");
    }

    /** About 1 MB of sessions with 1 to 8 history items (≈ 200 to 650 bytes each). */
    private static KinesisFirehoseEvent batch(int seed) {
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

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void print(String metric, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "%s%s: %.1f %s", PREFIX, metric, value, unit).strip());
    }
}
