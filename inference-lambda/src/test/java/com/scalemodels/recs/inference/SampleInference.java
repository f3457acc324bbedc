package com.scalemodels.recs.inference;

import com.scalemodels.recs.enrichment.Recommendation;
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
        SampleCatalog catalog = new SampleCatalog(name);
        try {
            return new SampleInference(catalog, InferenceRuntime.start(SampleCatalog.config(catalog.vectorDb(), work)));
        } catch (Exception | Error e) {
            catalog.close();
            throw e;
        }
    }

    /** The k shipped items with the highest inner product with {@code query}, skipping {@code exclude}. */
    List<Recommendation> bruteForce(float[] query, Set<String> exclude, int k) {
        return itemCsv.entrySet().stream()
                .filter(e -> !exclude.contains(e.getKey()))
                .map(e -> new Recommendation(e.getKey(), ReferenceData.dot(query, e.getValue())))
                .sorted(Comparator.comparingDouble(Recommendation::score).reversed())
                .limit(k)
                .toList();
    }

    @Override
    public void close() throws Exception {
        runtime.close();
        catalog.close();
    }
}
