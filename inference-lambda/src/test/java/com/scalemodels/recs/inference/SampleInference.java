package com.scalemodels.recs.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalemodels.recs.enrichment.Recommendation;
import com.scalemodels.recs.session.BrowseItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sample model serving from a throwaway catalog, plus the shipped embeddings read independently of the code
 * under test, and the brute-force ranking the tests compare with.
 */
final class SampleInference implements AutoCloseable {

    final SampleCatalog catalog;
    final InferenceRuntime runtime;
    final Map<String, float[]> itemCsv;
    final Map<String, float[]> userCsv;

    private SampleInference(SampleCatalog catalog, InferenceRuntime runtime) throws Exception {
        this.catalog = catalog;
        this.runtime = runtime;
        this.itemCsv = ReferenceData.embeddings(SampleCatalog.ARTIFACTS.resolve("embeddings/item_embeddings.csv"));
        this.userCsv = ReferenceData.embeddings(SampleCatalog.ARTIFACTS.resolve("embeddings/user_embeddings.csv"));
    }

    static SampleInference start(String name, Path work) throws Exception {
        return start(name, work, InferenceConfig.DEFAULT_IN_MEMORY_CATALOG_MB);
    }

    /** @param inMemoryCatalogMb {@code RECS_IN_MEMORY_CATALOG_MB}: 0 ranks with pgvector */
    static SampleInference start(String name, Path work, int inMemoryCatalogMb) throws Exception {
        SampleCatalog catalog = new SampleCatalog(name);
        try {
            return new SampleInference(catalog, InferenceRuntime.start(SampleCatalog.config(catalog.vectorDb(), work,
                    inMemoryCatalogMb)));
        } catch (Exception | Error e) {
            catalog.close();
            throw e;
        }
    }

    /** The k shipped items with the highest inner product with {@code query}, skipping {@code exclude}. */
    List<Recommendation> bruteForce(float[] query, Set<String> exclude, int k) {
        return bruteForce(query, exclude, k, false);
    }

    /** The k shipped items with the highest cosine similarity with {@code query}, skipping {@code exclude}. */
    List<Recommendation> bruteForceCosine(float[] query, Set<String> exclude, int k) {
        return bruteForce(query, exclude, k, true);
    }

    private List<Recommendation> bruteForce(float[] query, Set<String> exclude, int k, boolean cosine) {
        return itemCsv.entrySet().stream()
                .filter(e -> !exclude.contains(e.getKey()))
                .map(e -> new Recommendation(e.getKey(), cosine ? ReferenceData.cosine(query, e.getValue())
                        : ReferenceData.dot(query, e.getValue())))
                .sorted(Comparator.comparingDouble(Recommendation::score).reversed())
                .limit(k)
                .toList();
    }

    /** The sample manifest's {@code session_blend}, read with a plain JSON parser; null when it has none. */
    static JsonNode manifestBlend() throws IOException {
        JsonNode blend = new ObjectMapper().readTree(SampleCatalog.ARTIFACTS.resolve("manifest.json").toFile())
                .path("session_blend");
        return blend.isObject() ? blend : null;
    }

    /**
     * The session query of docs/contracts.md computed in double from the shipped embeddings: an independent
     * reference (the float32 order is checked bit for bit by the features module's golden test).
     */
    float[] blendedQuery(JsonNode blend, float[] user, List<BrowseItem> history) {
        double[] acc = new double[user.length];
        for (int k = 0; k < user.length; k++) {
            acc[k] = blend.get("user_weight").doubleValue() * user[k];
        }
        double factor = 1;
        for (int i = history.size() - 1; i >= 0; i--) {
            float[] e = itemCsv.get(history.get(i).productCode());
            if (e != null) {
                double w = (history.get(i).inShoppingCart() ? blend.get("cart_weight") : blend.get("browse_weight"))
                        .doubleValue() * factor;
                for (int k = 0; k < user.length; k++) {
                    acc[k] += w * e[k];
                }
            }
            factor *= blend.get("recency_decay").doubleValue();
        }
        double norm = 0;
        for (double a : acc) {
            norm += a * a;
        }
        norm = Math.sqrt(norm);
        float[] q = new float[user.length];
        for (int k = 0; k < user.length; k++) {
            q[k] = norm > 0 ? (float) (acc[k] / norm) : user[k];
        }
        return q;
    }

    @Override
    public void close() throws Exception {
        runtime.close();
        catalog.close();
    }
}
