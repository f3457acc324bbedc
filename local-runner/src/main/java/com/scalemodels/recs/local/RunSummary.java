package com.scalemodels.recs.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalemodels.recs.enrichment.ServedItems;
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
 * and {@code etl} are null when they were skipped ({@code --skip-etl}); {@code modelMetrics} when the artifacts have
 * no {@code metrics.json}. {@code served} is counted from the recommendation objects the run wrote.
 */
public record RunSummary(BatchDataResult batchData, EtlResult etl, EmbeddingsResult embeddings,
        StreamingResult streaming, ServedItems served, ModelMetrics modelMetrics, Map<String, Path> outputs,
        List<String> examples, double seconds) {

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
        ObjectNode sv = root.putObject("served");
        sv.put("sessions", served.sessions());
        sv.put("catalog_items", embeddings.items());
        sv.put("distinct_recommended", served.distinctRecommended());
        sv.put("catalog_coverage", round(served.catalogCoverage(embeddings.items())));
        sv.put("distinct_first_recommended", served.distinctFirstRecommended());
        sv.put("top1_share", round(served.top1Share()));
        sv.put("sessions_with_similar_seed", served.sessionsWithSeed());
        sv.put("distinct_similar", served.distinctSimilar());
        sv.put("distinct_first_similar", served.distinctFirstSimilar());
        if (modelMetrics == null) {
            root.putNull("model_metrics");
        } else {
            ObjectNode mm = root.putObject("model_metrics");
            retrieval(mm.putObject("model"), modelMetrics.model());
            mm.put("best_popularity_baseline", modelMetrics.bestBaseline());
            retrieval(mm.putObject("baseline"), modelMetrics.baseline());
            ObjectNode next = mm.putObject("next_item");
            nextItem(next.putObject("user_only"), modelMetrics.userOnly());
            nextItem(next.putObject("session_blend"), modelMetrics.sessionBlend());
        }
        ObjectNode out = root.putObject("outputs");
        outputs.forEach((k, v) -> out.put(k, v.toAbsolutePath().toString()));
        ArrayNode ex = root.putArray("examples");
        examples.forEach(ex::add);
        return root;
    }

    private static void retrieval(ObjectNode node, ModelMetrics.Retrieval r) {
        node.put("recall_at_10", r.recallAt10());
        node.put("ndcg_at_10", r.ndcgAt10());
        node.put("mrr", r.mrr());
        node.put("coverage_at_10", r.coverageAt10());
        node.put("top1_share", r.top1Share());
    }

    private static void nextItem(ObjectNode node, ModelMetrics.NextItem n) {
        node.put("hit_rate_at_10", n.hitRateAt10());
        node.put("ndcg_at_10", n.ndcgAt10());
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
        lines.add(String.format(Locale.ROOT, "  served        %d sessions: %d of %d products recommended (coverage %.0f%%),"
                + " %d distinct first places, top-1 share %.1f%%", served.sessions(), served.distinctRecommended(),
                embeddings.items(), 100 * served.catalogCoverage(embeddings.items()), served.distinctFirstRecommended(),
                100 * served.top1Share()));
        lines.add(String.format(Locale.ROOT, "                similar items for %d sessions: %d products, %d distinct"
                + " first places", served.sessionsWithSeed(), served.distinctSimilar(), served.distinctFirstSimilar()));
        if (modelMetrics == null) {
            lines.add("  model         no metrics.json in the artifacts");
        } else {
            ModelMetrics.Retrieval m = modelMetrics.model();
            lines.add(String.format(Locale.ROOT, "  model         offline (metrics.json): NDCG@10 %.3f (best popularity"
                    + " baseline %.3f), recall@10 %.3f, MRR %.3f, coverage@10 %.0f%%, top-1 share %.1f%%",
                    m.ndcgAt10(), modelMetrics.baseline().ndcgAt10(), m.recallAt10(), m.mrr(), 100 * m.coverageAt10(),
                    100 * m.top1Share()));
            lines.add(String.format(Locale.ROOT, "                next item NDCG@10: session blend %.3f, user vector"
                    + " alone %.3f", modelMetrics.sessionBlend().ndcgAt10(), modelMetrics.userOnly().ndcgAt10()));
        }
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
