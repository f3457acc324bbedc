package com.scalemodels.recs.loader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes an artifact folder (manifest + embeddings CSVs) with seeded random vectors. Item ids are
 * {@code <prefix>-<n>} and user ids start at {@code userBase}, so versions written with different prefixes are
 * disjoint and a reader can tell which version answered.
 */
final class TestArtifacts {

    private TestArtifacts() {
    }

    static Path write(Path dir, String version, String itemPrefix, int userBase, int items, int users, int dim,
            long seed) throws IOException {
        Files.createDirectories(dir.resolve("embeddings"));
        Files.writeString(dir.resolve("manifest.json"), "{\"format_version\": 1, \"model_version\": \"" + version
                + "\", \"created_at\": \"2026-11-21T00:00:00Z\", \"embedding_dim\": " + dim
                + ", \"distance\": \"inner_product\", \"files\": {}}");
        Random random = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("embeddings/item_embeddings.csv"))) {
            w.write("id,embedding\n");
            for (int i = 0; i < items; i++) {
                w.write(itemPrefix + "-" + i + ",\"" + vector(random, dim) + "\"\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("embeddings/user_embeddings.csv"))) {
            w.write("id,embedding\n");
            for (int i = 0; i < users; i++) {
                w.write((userBase + i) + ",\"" + vector(random, dim) + "\"\n");
            }
        }
        return dir;
    }

    static String vector(Random random, int dim) {
        StringBuilder sb = new StringBuilder("[");
        for (int j = 0; j < dim; j++) {
            if (j > 0) {
                sb.append(',');
            }
            sb.append((float) random.nextGaussian());
        }
        return sb.append(']').toString();
    }
}
