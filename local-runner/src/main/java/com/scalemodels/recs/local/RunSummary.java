package com.scalemodels.recs.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalemodels.recs.json.Json;
import com.scalemodels.recs.local.firehose.DeliveryStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one run did, for the console and for {@code <out>/summary.json} (tests, automation). {@code batchData}
 * and {@code etl} are null when they were skipped ({@code --skip-etl}).
 */
public record RunSummary(BatchDataResult batchData, EtlResult etl, EmbeddingsResult embeddings,
        StreamingResult streaming, Map<String, Path> outputs, List<String> examples, double seconds) {

    public ObjectNode toJson() {
        ObjectNode root = Json.object();
        root.put("format_version", 1);
        root.put("seconds", round(seconds));
        if (batchData == null) {
            root.putNull("batch_data");
        } else {
            ObjectNode batch = root.putObject("batch_data");
            batch.put("database", batchData.database());
            batch.put("product_lines", batchData.productLines());
            batch.put("products", batchData.products());
            batch.put("customers", batchData.customers());
            batch.put("ratings", batchData.ratings());
            batch.put("seconds", round(batchData.seconds()));
        }
        if (etl == null) {
            root.putNull("etl");
        } else {
            ObjectNode e = root.putObject("etl");
            e.put("ratings_read", etl.ratingsRead());
            e.put("rows_written", etl.rowsWritten());
            e.put("customers", etl.customers());
            e.put("rejected", etl.rejected());
            ObjectNode reasons = e.putObject("rejected_by_reason");
            etl.rejectedByReason().forEach(reasons::put);
            e.put("bad_row_fraction", etl.badRowFraction());
            e.put("seconds", round(etl.seconds()));
        }
        ObjectNode emb = root.putObject("embeddings");
        emb.put("database", embeddings.database());
        emb.put("status", embeddings.status());
        emb.put("model_version", embeddings.modelVersion());
        emb.put("items", embeddings.items());
        emb.put("users", embeddings.users());
        emb.put("seconds", round(embeddings.seconds()));
        ObjectNode s = root.putObject("streaming");
        DeliveryStats d = streaming.delivery();
        s.put("sessions_in", streaming.sessionsIn());
        s.put("malformed_planted", streaming.malformedPlanted());
        s.put("ok", d.ok());
        s.put("processing_failed", d.processingFailed());
        s.put("dropped", d.dropped());
        s.put("batches", d.batches());
        s.put("invocations", d.invocations());
        s.put("invocations_failed", d.invocationsFailed());
        s.put("batches_failed", d.batchesFailed());
        s.put("p50_batch_ms", round(d.percentileMillis(50)));
        s.put("p99_batch_ms", round(d.percentileMillis(99)));
        s.put("sessions_per_second", round(streaming.sessionsPerSecond()));
        s.put("model_version", streaming.modelVersion());
        s.put("recommendation_objects", streaming.recommendationObjects().size());
        s.put("processing_failed_objects", streaming.processingFailedObjects().size());
        s.put("seconds", round(streaming.seconds()));
        ObjectNode out = root.putObject("outputs");
        outputs.forEach((k, v) -> out.put(k, v.toAbsolutePath().toString()));
        ArrayNode ex = root.putArray("examples");
        examples.forEach(ex::add);
        return root;
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, Json.writer().withDefaultPrettyPrinter().writeValueAsString(toJson()) + "\n");
    }

    /** The console view of the summary. */
    public List<String> lines() {
        DeliveryStats d = streaming.delivery();
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Summary (" + fmt(seconds) + " s)");
        if (batchData == null) {
            lines.add("  source data   skipped (--skip-etl)");
        } else {
            lines.add(String.format(Locale.ROOT, "  source data   %d customers, %d products, %d ratings in"
                    + " MariaDB database %s", batchData.customers(), batchData.products(), batchData.ratings(),
                    batchData.database()));
        }
        if (etl == null) {
            lines.add("  ETL           skipped (--skip-etl)");
        } else {
            StringBuilder reasons = new StringBuilder();
            etl.rejectedByReason().forEach((k, v) -> {
                if (v > 0) {
                    reasons.append(reasons.length() == 0 ? "" : ", ").append(k).append(' ').append(v);
                }
            });
            lines.add(String.format(Locale.ROOT, "  ETL           %d ratings read → %d training rows (%d"
                    + " customers), %d rejected%s", etl.ratingsRead(), etl.rowsWritten(), etl.customers(),
                    etl.rejected(), reasons.length() == 0 ? "" : " (" + reasons + ")"));
        }
        lines.add(String.format(Locale.ROOT, "  embeddings    %s: %d items, %d users, model %s", embeddings.status(),
                embeddings.items(), embeddings.users(), embeddings.modelVersion()));
        lines.add(String.format(Locale.ROOT, "  streaming     %d sessions in (%d malformed planted) → %d Ok,"
                + " %d ProcessingFailed, %d Dropped", streaming.sessionsIn(), streaming.malformedPlanted(), d.ok(),
                d.processingFailed(), d.dropped()));
        lines.add(String.format(Locale.ROOT, "                %d batches (%d failed invocations), batch latency"
                + " p50 %.1f ms / p99 %.1f ms, %.0f sessions/s", d.batches(), d.invocationsFailed(),
                d.percentileMillis(50), d.percentileMillis(99), streaming.sessionsPerSecond()));
        lines.add("");
        lines.add("Outputs");
        outputs.forEach((k, v) -> lines.add(String.format(Locale.ROOT, "  %-18s %s", k,
                v.toAbsolutePath())));
        if (!examples.isEmpty()) {
            lines.add("");
            lines.add("Example recommendations");
            examples.forEach(e -> lines.add("  " + e));
        }
        return lines;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
