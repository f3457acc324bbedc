package com.scalemodels.recs.inference;

import com.scalemodels.recs.vectordb.VectorDbConfig;
import java.net.URI;
import java.nio.file.Path;

/**
 * Run in a fresh JVM by {@link InferenceBench}: one cold init of the inference function (artifacts, DJL engine,
 * both towers with warm-up, pgvector pool) and prints {@code init_ms: N}.
 * Args: artifacts dir, artifact cache dir, DJL cache dir, JDBC URL, user, password.
 */
public final class InitProbe {

    public static void main(String[] args) {
        long started = System.nanoTime();
        InferenceConfig config = new InferenceConfig(URI.create(Path.of(args[0]).toUri().toString()), Path.of(args[1]),
                VectorDbConfig.of(args[3], args[4], args[5]), 10, Path.of(args[2]));
        try (InferenceRuntime runtime = InferenceRuntime.start(config)) {
            System.out.println("init_ms: " + (System.nanoTime() - started) / 1_000_000);
        }
    }
}
