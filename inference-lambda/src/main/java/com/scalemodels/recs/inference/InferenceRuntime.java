package com.scalemodels.recs.inference;

import com.scalemodels.recs.artifacts.ArtifactStore;
import com.scalemodels.recs.artifacts.Manifest;
import com.scalemodels.recs.artifacts.ModelArtifacts;
import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.inference.recommend.ItemCatalog;
import com.scalemodels.recs.inference.recommend.LiveVersionGuard;
import com.scalemodels.recs.inference.recommend.RecommendationService;
import com.scalemodels.recs.inference.towers.DjlRuntime;
import com.scalemodels.recs.inference.towers.TowerModel;
import com.scalemodels.recs.vectordb.ModelVersionMismatchException;
import com.scalemodels.recs.vectordb.SimilarityClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the inference function builds once per execution environment: verified artifacts, both towers
 * (warmed up by one forward pass each), the pgvector client (checked live), the item catalog (an in-memory copy
 * when it fits the budget) and the recommendation service.
 * Any failure is one log line naming the cause, and the init fails: never a half-working function.
 */
public final class InferenceRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceRuntime.class);

    private final ModelArtifacts artifacts;
    private final TowerModel userTower;
    private final TowerModel itemTower;
    private final SimilarityClient vectors;
    private final ItemCatalog catalog;
    private final RecommendationService service;
    private final int defaultK;

    private InferenceRuntime(ModelArtifacts artifacts, TowerModel userTower, TowerModel itemTower,
            SimilarityClient vectors, ItemCatalog catalog, LiveVersionGuard versionGuard, int defaultK) {
        this.artifacts = artifacts;
        this.userTower = userTower;
        this.itemTower = itemTower;
        this.vectors = vectors;
        this.catalog = catalog;
        this.defaultK = defaultK;
        this.service = new RecommendationService(artifacts.manifest().modelVersion(), artifacts.userEncoder(),
                userTower, vectors, catalog, versionGuard, artifacts.manifest().sessionBlend());
    }

    /** Built once per execution environment, during the Lambda init phase, by the first handler that asks. */
    private static final class LambdaInit {
        static final InferenceRuntime RUNTIME = start(InferenceConfig.fromEnvironment(Environment.system()));
    }

    /** The runtime of this Lambda execution environment, configured from its environment variables. */
    static InferenceRuntime forLambda() {
        return LambdaInit.RUNTIME;
    }

    public static InferenceRuntime start(InferenceConfig config) {
        return start(config, LiveVersionGuard.DEFAULT_RECHECK);
    }

    /**
     * @param versionRecheck how long a confirmed match between the loaded model version and the database's live
     *     one is trusted (tests pass zero to see a swap at once)
     */
    public static InferenceRuntime start(InferenceConfig config, Duration versionRecheck) {
        long started = System.nanoTime();
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            ModelArtifacts artifacts = ArtifactStore.forUri(config.artifactsUri(), config.artifactCacheDir()).load();
            long artifactsMs = elapsedMs(started);
            Manifest manifest = artifacts.manifest();
            DjlRuntime.configure(config.djlCacheDir());
            TowerModel user = TowerModel.load("user", artifacts.file("model/user_tower.pt"),
                    manifest.userFeatures().inputDim(), manifest.embeddingDim());
            opened.add(user);
            TowerModel item = TowerModel.load("item", artifacts.file("model/item_tower.pt"),
                    manifest.itemFeatures().inputDim(), manifest.embeddingDim());
            opened.add(item);
            long towersMs = elapsedMs(started) - artifactsMs;
            SimilarityClient vectors = SimilarityClient.create(config.vectorDb(), manifest.distance(),
                    manifest.itemDistance(), manifest.embeddingDim());
            opened.add(vectors);
            vectors.liveCheck();
            ItemCatalog catalog = ItemCatalog.open(vectors, manifest.modelVersion(), config.inMemoryCatalogMb(),
                    Runtime.getRuntime().availableProcessors());
            opened.add(catalog);
            LiveVersionGuard versionGuard = new LiveVersionGuard(manifest.modelVersion(), vectors::liveModelVersion,
                    versionRecheck, System::nanoTime, catalog::answersWithoutDatabase);
            try {
                versionGuard.check();
            } catch (ModelVersionMismatchException e) {
                // Not an init failure: a deployment may start the new towers a moment before the loader swaps the
                // embeddings in. Requests are refused (and retried) until the two agree; the guard logged it.
            }
            InferenceRuntime runtime = new InferenceRuntime(artifacts, user, item, vectors, catalog, versionGuard,
                    config.defaultK());
            LOG.atInfo()
                    .addKeyValue("event", "init_done")
                    .addKeyValue("model_version", manifest.modelVersion())
                    .addKeyValue("embedding_dim", manifest.embeddingDim())
                    .addKeyValue("distance", manifest.distance().manifestName())
                    .addKeyValue("item_distance", manifest.itemDistance().manifestName())
                    .addKeyValue("session_blend", manifest.sessionBlend() != null)
                    .addKeyValue("retrieval", catalog.mode().logName())
                    .addKeyValue("artifacts_ms", artifactsMs)
                    .addKeyValue("towers_ms", towersMs)
                    .addKeyValue("init_ms", elapsedMs(started))
                    .log("inference function ready");
            return runtime;
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("event", "init_failed").addKeyValue("cause", e.getClass().getSimpleName())
                    .log("inference init failed: {}", e.getMessage());
            for (int i = opened.size() - 1; i >= 0; i--) {
                closeQuietly(opened.get(i));
            }
            throw e;
        }
    }

    public RecommendationService service() {
        return service;
    }

    public ModelArtifacts artifacts() {
        return artifacts;
    }

    public TowerModel userTower() {
        return userTower;
    }

    public TowerModel itemTower() {
        return itemTower;
    }

    /** {@code RECS_DEFAULT_K}: items an HTTP route returns when the request names no {@code limit}. */
    public int defaultK() {
        return defaultK;
    }

    /** How this function ranks items: an in-memory copy of the catalog or pgvector. */
    public ItemCatalog catalog() {
        return catalog;
    }

    @Override
    public void close() {
        closeQuietly(catalog);
        closeQuietly(vectors);
        closeQuietly(itemTower);
        closeQuietly(userTower);
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("close failed: {}", e.toString());
        }
    }
}
