package com.scalemodels.recs.local;

import com.scalemodels.recs.json.Fields;
import com.scalemodels.recs.json.InvalidFieldException;
import com.scalemodels.recs.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The served model's offline evaluation, from its {@code metrics.json} (docs/contracts.md): the retrieval figures
 * of the model and of the best popularity baseline, and the next-item figures with and without the session blend.
 */
record ModelMetrics(Retrieval model, String bestBaseline, Retrieval baseline, NextItem userOnly,
        NextItem sessionBlend) {

    record Retrieval(double recallAt10, double ndcgAt10, double mrr, double coverageAt10, double top1Share) {
    }

    record NextItem(double hitRateAt10, double ndcgAt10) {
    }

    /** @return null when the artifact folder has no metrics.json (models trained before it existed) */
    static ModelMetrics read(Path artifacts) throws IOException {
        Path file = artifacts.resolve("metrics.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Fields root = Fields.root(Json.read(Files.readAllBytes(file)), "JSON");
            String best = root.requiredText("best_popularity_baseline");
            Fields nextItem = root.requiredObject("next_item");
            return new ModelMetrics(retrieval(root.requiredObject("model")), best,
                    retrieval(root.requiredObject("baselines").requiredObject(best)),
                    nextItem(nextItem.requiredObject("user_only")), nextItem(nextItem.requiredObject("session_blend")));
        } catch (InvalidFieldException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private static Retrieval retrieval(Fields f) {
        return new Retrieval(f.requiredFinite("recall_at_10"), f.requiredFinite("ndcg_at_10"), f.requiredFinite("mrr"),
                f.requiredFinite("coverage_at_10"), f.requiredFinite("top1_share"));
    }

    private static NextItem nextItem(Fields f) {
        return new NextItem(f.requiredFinite("hit_rate_at_10"), f.requiredFinite("ndcg_at_10"));
    }
}
