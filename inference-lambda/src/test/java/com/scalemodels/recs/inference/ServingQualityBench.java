package com.scalemodels.recs.inference;

import com.scalemodels.recs.artifacts.Manifest;
import com.scalemodels.recs.enrichment.ServedItems;
import com.scalemodels.recs.features.SessionBlend;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.contract.SessionResult;
import com.scalemodels.recs.inference.recommend.LiveVersionGuard;
import com.scalemodels.recs.inference.recommend.RecommendationService;
import com.scalemodels.recs.model.Distance;
import com.scalemodels.recs.session.SessionEvent;
import com.scalemodels.recs.vectordb.SimilarityClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ./bench.sh serving-quality}: what the sample model serves for the committed sample sessions
 * (samples/events/sessions.jsonl), top 10 recommended and top 5 similar items as the pipeline asks, in one run:
 * {@code recommended_items} from the user vector alone and from the manifest's session blend, {@code similar_items}
 * by inner product and by cosine. Exact scans (no index), real libtorch. Prints
 * {@code serving_quality.<list>.<setting>.<metric>: <value> <unit>}.
 */
public final class ServingQualityBench {

    private static final int K = 10;
    private static final int SIMILAR_K = 5;

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "logback-bench.xml");
        Path work = Files.createTempDirectory("serving-quality-bench");
        List<SessionEvent> sessions = SampleModelIT.sampleSessions();
        int catalogItems = ReferenceData.embeddings(SampleCatalog.ARTIFACTS.resolve("embeddings/item_embeddings.csv"))
                .size();
        try (SampleCatalog catalog = new SampleCatalog("serving_quality_bench");
             InferenceRuntime runtime = InferenceRuntime.start(SampleCatalog.config(catalog.vectorDb(), work))) {
            Manifest manifest = runtime.artifacts().manifest();
            if (manifest.sessionBlend() == null) {
                throw new IllegalStateException("the sample manifest has no session_blend to compare with");
            }
            print("sessions", sessions.size(), "sessions");
            print("catalog_items", catalogItems, "items");
            for (boolean blend : new boolean[] {false, true}) {
                ServedItems served = serve(catalog, runtime, manifest.distance(),
                        blend ? manifest.sessionBlend() : null, sessions);
                String p = "recommended." + (blend ? "session_blend" : "user_vector") + ".";
                print(p + "distinct_products", served.distinctRecommended(), "items");
                print(p + "catalog_coverage", served.catalogCoverage(catalogItems), "fraction");
                print(p + "distinct_first", served.distinctFirstRecommended(), "items");
                print(p + "distinct_first_share", served.distinctFirstRecommended() / (double) served.sessions(),
                        "fraction");
                print(p + "top1_share", served.top1Share(), "fraction");
            }
            for (Distance itemDistance : Distance.values()) {
                ServedItems served = serve(catalog, runtime, itemDistance, null, sessions);
                String p = "similar." + itemDistance.manifestName() + ".";
                print(p + "sessions_with_seed", served.sessionsWithSeed(), "sessions");
                print(p + "distinct_products", served.distinctSimilar(), "items");
                print(p + "distinct_first", served.distinctFirstSimilar(), "items");
            }
        }
    }

    /** One batch through a service built like the runtime's, with the given item distance and blend. */
    private static ServedItems serve(SampleCatalog catalog, InferenceRuntime runtime, Distance itemDistance,
            SessionBlend blend, List<SessionEvent> sessions) throws Exception {
        Manifest manifest = runtime.artifacts().manifest();
        try (SimilarityClient vectors = SimilarityClient.create(catalog.vectorDb(), manifest.distance(), itemDistance,
                manifest.embeddingDim())) {
            RecommendationService service = new RecommendationService(manifest.modelVersion(),
                    runtime.artifacts().userEncoder(), runtime.userTower(), vectors, vectors,
                    new LiveVersionGuard(manifest.modelVersion(), Optional::empty, Duration.ZERO, System::nanoTime),
                    blend);
            InferenceResponse response = service.recommend(new InferenceRequest("bench", K, SIMILAR_K, sessions));
            ServedItems served = new ServedItems();
            for (SessionResult r : response.results()) {
                if (r.hasError()) {
                    throw new IllegalStateException("session " + r.sessionId() + ": " + r.error());
                }
                served.add(r.recommendedItems(), r.similarItems());
            }
            return served;
        }
    }

    private static void print(String metric, double value, String unit) {
        System.out.printf(Locale.ROOT, "serving_quality.%s: %s %s%n", metric,
                value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3f", value),
                unit);
    }
}
