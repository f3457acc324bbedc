package com.scalemodels.recs.loader;

import java.time.Duration;

/**
 * How to build and swap: HNSW parameters, memory and workers for the index build, and how long the swap may wait
 * for readers' locks before it gives way and retries (new readers queue behind a waiting swap, so it must not wait
 * long).
 */
public record LoadSettings(int hnswM, int hnswEfConstruction, int maintenanceWorkMemMb,
        int maxParallelMaintenanceWorkers, Duration swapLockTimeout, int swapAttempts, int problemCap) {

    public static final int DEFAULT_MAINTENANCE_WORK_MEM_MB = 512;
    public static final int DEFAULT_PARALLEL_WORKERS = 2;

    public LoadSettings {
        if (maintenanceWorkMemMb < 64 || maintenanceWorkMemMb > 65_536) {
            throw new IllegalArgumentException("maintenance_work_mem must be 64 to 65536 MB");
        }
        if (maxParallelMaintenanceWorkers < 0 || maxParallelMaintenanceWorkers > 64) {
            throw new IllegalArgumentException("max_parallel_maintenance_workers must be 0 to 64");
        }
        if (swapAttempts < 1) {
            throw new IllegalArgumentException("swapAttempts must be at least 1");
        }
    }

    public static LoadSettings defaults(int hnswM, int hnswEfConstruction) {
        return new LoadSettings(hnswM, hnswEfConstruction, DEFAULT_MAINTENANCE_WORK_MEM_MB, DEFAULT_PARALLEL_WORKERS,
                Duration.ofSeconds(2), 10, Problems.DEFAULT_CAP);
    }

    public LoadSettings withIndexBuild(int memMb, int workers) {
        return new LoadSettings(hnswM, hnswEfConstruction, memMb, workers, swapLockTimeout, swapAttempts, problemCap);
    }
}
