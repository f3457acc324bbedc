package com.scalemodels.recs.inference;

import com.scalemodels.recs.vectordb.VectorDbConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a fresh JVM by {@link InferenceBench}: one cold init of the inference function (artifacts, DJL engine,
 * both towers with warm-up, pgvector pool, the item catalog copied into memory when it fits) and prints
 * {@code init_ms: N}, {@code retrieval: MODE}, {@code catalog_items: N} and {@code peak_rss_mb: N}.
 * Args: artifacts dir, artifact cache dir, DJL cache dir, JDBC URL, user, password.
 */
public final class InitProbe {

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        InferenceConfig config = new InferenceConfig(URI.create(Path.of(args[0]).toUri().toString()), Path.of(args[1]),
                VectorDbConfig.of(args[3], args[4], args[5]), 10, Path.of(args[2]),
                InferenceConfig.DEFAULT_IN_MEMORY_CATALOG_MB);
        try (InferenceRuntime runtime = InferenceRuntime.start(config)) {
            System.out.println("init_ms: " + (System.nanoTime() - started) / 1_000_000);
            System.out.println("retrieval: " + runtime.catalog().mode().logName());
            System.out.println("catalog_items: " + runtime.catalog().copiedItems());
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    System.out.println("peak_rss_mb: " + Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        }
    }
}
