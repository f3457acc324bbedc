package com.scalemodels.recs.inference.towers;

import java.nio.file.Path;

/**
 * Process-wide DJL settings. They are system properties because that is how DJL reads them, and they must be set
 * before the PyTorch engine first loads; call {@link #configure} once at init, before any {@link TowerModel}.
 */
public final class DjlRuntime {

    private DjlRuntime() {
    }

    public static void configure(Path cacheDir) {
        // Never download: libtorch comes from the pytorch-native-cpu jar on the classpath (the Lambda layer).
        System.setProperty("ai.djl.offline", "true");
        // On Lambda only /tmp is writable; the default (~/.djl.ai) is not.
        System.setProperty("DJL_CACHE_DIR", cacheDir.toString());
        System.setProperty("ENGINE_CACHE_DIR", cacheDir.toString());
        // The TorchScript profiling executor re-optimizes for every new batch shape; batch sizes vary per request.
        System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
        // The towers are small MLPs, cheap on one thread even for 500 sessions, while OpenMP worker threads
        // spin-wait between operations and compete with the JVM and JDBC for the function's 2 vCPUs (figures:
        // README, "Benchmark"). -Dai.djl.pytorch.num_threads=… still wins.
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
