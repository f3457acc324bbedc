package com.scalemodels.recs.loader;

import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import java.nio.file.Path;

/** Settings only the loader reads, beyond {@link LoaderConfig}: how much the HNSW build may use. */
final class LoaderEnvironment {

    static final String MAINTENANCE_WORK_MEM_MB = "HNSW_MAINTENANCE_WORK_MEM_MB";
    static final String BUILD_WORKERS = "HNSW_BUILD_WORKERS";

    private LoaderEnvironment() {
    }

    static LoadSettings settings(Environment env, int hnswM, int hnswEfConstruction) {
        return LoadSettings.defaults(hnswM, hnswEfConstruction).withIndexBuild(
                env.integer(MAINTENANCE_WORK_MEM_MB, LoadSettings.DEFAULT_MAINTENANCE_WORK_MEM_MB, 64, 65_536),
                env.integer(BUILD_WORKERS, LoadSettings.DEFAULT_PARALLEL_WORKERS, 0, 64));
    }

    /**
     * {@code ARTIFACT_CACHE_DIR} as {@link LoaderConfig} reads it, for --validate-only, which needs no database and so
     * cannot build a LoaderConfig (that requires VECTOR_DB_JDBC_URL).
     */
    static Path artifactCacheDir(Environment env) {
        return env.path("ARTIFACT_CACHE_DIR", "/tmp/ml-artifacts");
    }

    static LoadSettings settings(Environment env) {
        return settings(env, env.integer("HNSW_M", 16, 2, 100), env.integer("HNSW_EF_CONSTRUCTION", 64, 4, 1000));
    }

    static EmbeddingsLoaderService service(VectorDbConfig db, LoadSettings settings, ProgressListener progress) {
        return new EmbeddingsLoaderService(new DatabaseConnector(db), settings, progress);
    }
}
