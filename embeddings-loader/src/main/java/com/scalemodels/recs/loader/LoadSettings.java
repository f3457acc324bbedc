package com.scalemodels.recs.loader;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.config.Environment;

/**
 * How to build a version's indexes: HNSW {@code m} and {@code ef_construction}, and the {@code maintenance_work_mem}
 * and {@code max_parallel_maintenance_workers} the build may use (set for the build only).
 */
public record LoadSettings(int hnswM, int hnswEfConstruction, int maintenanceWorkMemMb, int buildWorkers) {

    private static final int DEFAULT_HNSW_M = 16;
    private static final int DEFAULT_EF_CONSTRUCTION = 64;
    private static final int MIN_HNSW_M = 2;
    private static final int MAX_HNSW_M = 100;
    private static final int MIN_EF_CONSTRUCTION = 4;
    private static final int MAX_EF_CONSTRUCTION = 1000;
    private static final int DEFAULT_WORK_MEM_MB = 512;
    private static final int MIN_WORK_MEM_MB = 64;
    private static final int MAX_WORK_MEM_MB = 65_536;
    private static final int DEFAULT_BUILD_WORKERS = 2;
    private static final int MAX_BUILD_WORKERS = 64;

    public LoadSettings {
        check("HNSW m", hnswM, MIN_HNSW_M, MAX_HNSW_M);
        check("HNSW ef_construction", hnswEfConstruction, MIN_EF_CONSTRUCTION, MAX_EF_CONSTRUCTION);
        check("maintenance_work_mem (MB) of the index build", maintenanceWorkMemMb, MIN_WORK_MEM_MB, MAX_WORK_MEM_MB);
        check("workers of the index build", buildWorkers, 0, MAX_BUILD_WORKERS);
    }

    /** HNSW_M (16), HNSW_EF_CONSTRUCTION (64), HNSW_MAINTENANCE_WORK_MEM_MB (512), HNSW_BUILD_WORKERS (2). */
    static LoadSettings fromEnvironment(Environment env) {
        return new LoadSettings(
                env.integer("HNSW_M", DEFAULT_HNSW_M, MIN_HNSW_M, MAX_HNSW_M),
                env.integer("HNSW_EF_CONSTRUCTION", DEFAULT_EF_CONSTRUCTION, MIN_EF_CONSTRUCTION, MAX_EF_CONSTRUCTION),
                env.integer("HNSW_MAINTENANCE_WORK_MEM_MB", DEFAULT_WORK_MEM_MB, MIN_WORK_MEM_MB, MAX_WORK_MEM_MB),
                env.integer("HNSW_BUILD_WORKERS", DEFAULT_BUILD_WORKERS, 0, MAX_BUILD_WORKERS));
    }

    /** The settings a deployed loader uses when none of its variables are set. */
    public static LoadSettings defaults() {
        return defaults(DEFAULT_HNSW_M, DEFAULT_EF_CONSTRUCTION);
    }

    public static LoadSettings defaults(int hnswM, int hnswEfConstruction) {
        return new LoadSettings(hnswM, hnswEfConstruction, DEFAULT_WORK_MEM_MB, DEFAULT_BUILD_WORKERS);
    }

    public LoadSettings withIndexBuild(int memMb, int workers) {
        return new LoadSettings(hnswM, hnswEfConstruction, memMb, workers);
    }

    private static void check(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(what + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
