package com.scalemodels.recs.inference;

import com.scalemodels.recs.artifacts.ArtifactStore;
import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import java.net.URI;
import java.nio.file.Path;

/**
 * Settings of the inference function (both handlers), read once at init.
 *
 * @param defaultK {@code RECS_DEFAULT_K}: items an HTTP route returns when the request has no {@code limit}
 *     (batch requests always name their {@code k})
 * @param inMemoryCatalogMb {@code RECS_IN_MEMORY_CATALOG_MB}: the largest item catalog (MiB of heap) ranked from an
 *     exact in-memory copy; a larger one is served by pgvector; 0 always serves from pgvector
 */
public record InferenceConfig(URI artifactsUri, Path artifactCacheDir, VectorDbConfig vectorDb, int defaultK,
        Path djlCacheDir, int inMemoryCatalogMb) {

    /** Room for 1M items of 32 dimensions with both measures (≈ 590 MiB) and then some. */
    public static final int DEFAULT_IN_MEMORY_CATALOG_MB = 1024;

    public static InferenceConfig fromEnvironment(Environment env) {
        if (!env.bool("DJL_OFFLINE", true)) {
            throw new ConfigException("environment variable DJL_OFFLINE must be true: the model never downloads anything");
        }
        return new InferenceConfig(
                env.artifactsUri("ML_ARTIFACTS_URI"),
                env.path("ARTIFACT_CACHE_DIR", ArtifactStore.DEFAULT_CACHE_DIR),
                VectorDbConfig.fromEnvironment(env),
                env.integer("RECS_DEFAULT_K", 10, 1, InferenceRequest.MAX_K),
                env.path("DJL_CACHE_DIR", Path.of("/tmp/djl")),
                env.integer("RECS_IN_MEMORY_CATALOG_MB", DEFAULT_IN_MEMORY_CATALOG_MB, 0, 16_384));
    }
}
