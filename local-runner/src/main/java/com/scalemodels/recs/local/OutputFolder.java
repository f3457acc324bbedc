package com.scalemodels.recs.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runner's output folder. It owns only the entries listed here and clears them at the start of a run, so a
 * re-run needs no manual cleanup and never deletes anything else a user keeps in the folder. {@code cache/}
 * (extracted libtorch, artifact cache) is kept between runs on purpose.
 */
public record OutputFolder(Path root) {

    static final List<String> OWNED = List.of("source-data", "datalake", "recommendations", "processing-failed",
            "logs", "summary.json", "replay");

    public OutputFolder {
        root = root.toAbsolutePath().normalize();
    }

    public void clearOwned() throws IOException {
        Files.createDirectories(root);
        for (String name : OWNED) {
            deleteRecursively(root.resolve(name));
        }
        Files.createDirectories(logs());
    }

    public Path sourceData() {
        return root.resolve("source-data");
    }

    public Path datalake() {
        return root.resolve("datalake");
    }

    public Path recommendations() {
        return root.resolve("recommendations");
    }

    public Path processingFailed() {
        return root.resolve("processing-failed");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path logFile() {
        return logs().resolve("pipeline.log");
    }

    public Path summary() {
        return root.resolve("summary.json");
    }

    /** {@code ./run-local.sh replay}'s output: what the replay of processing-failed/ delivered, and its log. */
    public Path replay() {
        return root.resolve("replay");
    }

    public Path cache() {
        return root.resolve("cache");
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
