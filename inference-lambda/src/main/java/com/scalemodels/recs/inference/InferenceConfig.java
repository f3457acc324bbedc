package com.scalemodels.recs.inference;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import java.net.URI;
import java.nio.file.Path;

/** Settings of the inference function, read once at init. */
public record InferenceConfig(URI artifactsUri, Path artifactCacheDir, VectorDbConfig vectorDb, int defaultK,
        Path djlCacheDir) {

    /** Hard upper bound on k, whatever a request or the environment asks for. */
    public static final int MAX_K = 100;

    public static InferenceConfig fromEnvironment(Environment env) {
        if (!env.bool("DJL_OFFLINE", true)) {
            throw new ConfigException("environment variable DJL_OFFLINE must be true: the model never downloads anything");
        }
        return new InferenceConfig(
                env.artifactsUri("ML_ARTIFACTS_URI"),
                env.path("ARTIFACT_CACHE_DIR", "/tmp/ml-artifacts"),
                VectorDbConfig.fromEnvironment(env),
                env.integer("RECS_DEFAULT_K", 10, 1, MAX_K),
                env.path("DJL_CACHE_DIR", "/tmp/djl"));
    }
}
