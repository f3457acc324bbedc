package com.scalemodels.recs.loader;

import com.scalemodels.recs.artifacts.ArtifactStore;
import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import java.net.URI;
import java.nio.file.Path;

/** Settings of the embeddings loader (Lambda and CLI), read once at start. */
public record LoaderConfig(URI artifactsUri, Path artifactCacheDir, VectorDbConfig vectorDb, int hnswM,
        int hnswEfConstruction) {

    public static LoaderConfig fromEnvironment(Environment env) {
        return new LoaderConfig(
                env.artifactsUri("ML_ARTIFACTS_URI"),
                env.path("ARTIFACT_CACHE_DIR", ArtifactStore.DEFAULT_CACHE_DIR),
                VectorDbConfig.fromEnvironment(env).withPoolSize(1),
                env.integer("HNSW_M", 16, 2, 100),
                env.integer("HNSW_EF_CONSTRUCTION", 64, 4, 1000));
    }
}
