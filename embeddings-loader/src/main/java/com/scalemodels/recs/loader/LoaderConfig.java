package com.scalemodels.recs.loader;

import com.scalemodels.recs.artifacts.ArtifactStore;
import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import java.net.URI;
import java.nio.file.Path;

/**
 * Settings of the embeddings loader, read once at start: by the Lambda from its environment, by the CLI from its
 * options laid over the environment (the readers below are shared, so both read a variable the same way).
 */
public record LoaderConfig(URI artifactsUri, Path artifactCacheDir, VectorDbConfig vectorDb, LoadSettings load) {

    public static LoaderConfig fromEnvironment(Environment env) {
        return new LoaderConfig(artifactsUri(env), artifactCacheDir(env), vectorDb(env),
                LoadSettings.fromEnvironment(env));
    }

    static URI artifactsUri(Environment env) {
        return env.artifactsUri("ML_ARTIFACTS_URI");
    }

    static Path artifactCacheDir(Environment env) {
        return env.path("ARTIFACT_CACHE_DIR", ArtifactStore.DEFAULT_CACHE_DIR);
    }

    /** One connection: a run is one session, and the advisory lock that keeps other loaders out is the session's. */
    static VectorDbConfig vectorDb(Environment env) {
        return VectorDbConfig.fromEnvironment(env).withPoolSize(1);
    }
}
