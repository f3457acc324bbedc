package com.scalemodels.recs.loader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes an artifact folder (manifest + preprocessing placeholders + embeddings CSVs + a metrics.json that passes
 * the quality gate's default floors) with seeded random vectors.
 * Item ids are {@code <prefix>-<n>} and user ids start at {@code userBase}, so versions written with different
 * prefixes are disjoint and a reader can tell which version answered. The manifest lists every file's size and
 * SHA-256, as the artifact store requires: a test that changes a CSV on purpose calls {@link #seal} again.
 */
final class TestArtifacts {

    private TestArtifacts() {
    }

    static Path write(Path dir, String version, String itemPrefix, int userBase, int items, int users, int dim,
            long seed) throws IOException {
        Files.createDirectories(dir.resolve("embeddings"));
        Files.createDirectories(dir.resolve("preprocessing"));
        // The loader never reads these; the manifest format requires them to be listed.
        Files.writeString(dir.resolve("preprocessing/user.json"), "{}");
        Files.writeString(dir.resolve("preprocessing/item.json"), "{}");
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
        Files.writeString(dir.resolve("metrics.json"), GOOD_METRICS);
        return seal(dir, version, dim);
    }

    /** Dataset of the metrics below: versions evaluated on the same dataset and split are compared with each other. */
    static final String DATASET = "d1";

    /** Comfortably above the default floors. */
    static final String GOOD_METRICS = metrics(DATASET, 0.10, 0.19, 0.13, 0.98, 0.06);

    /** A metrics.json of the reference training's shape (docs/contracts.md), with these model figures. */
    static String metrics(String datasetSha256, double ndcg, double recall, double mrr, double coverage, double top1) {
        return "{\"format_version\": 1, \"seed\": 42, \"dataset\": {\"sha256\": \"" + datasetSha256 + "\", \"ratings\": 973},"
                + " \"split\": {\"method\": \"per-user leave-some-out\", \"seed\": 42, \"test_share\": 0.3},"
                + " \"gate\": {\"primary\": \"ndcg_at_10\", \"direction\": {\"ndcg_at_10\": \"higher\","
                + " \"recall_at_10\": \"higher\", \"mrr\": \"higher\", \"coverage_at_10\": \"higher\","
                + " \"top1_share\": \"lower\"}}, \"k\": 10,"
                + " \"model\": {\"recall_at_10\": " + recall + ", \"ndcg_at_10\": " + ndcg + ", \"mrr\": " + mrr
                + ", \"coverage_at_10\": " + coverage + ", \"top1_share\": " + top1 + "},"
                + " \"baselines\": {\"random\": {\"ndcg_at_10\": 0.05}}}";
    }

    /** Replaces the folder's metrics.json ({@code null} removes it) and seals the folder again. */
    static Path withMetrics(Path dir, String version, int dim, String metricsJson) throws IOException {
        if (metricsJson == null) {
            Files.deleteIfExists(dir.resolve("metrics.json"));
        } else {
            Files.writeString(dir.resolve("metrics.json"), metricsJson);
        }
        return seal(dir, version, dim);
    }

    /** (Re)writes manifest.json listing every other file of the folder with its current size and SHA-256. */
    static Path seal(Path dir, String version, int dim) throws IOException {
        return seal(dir, version, dim, null);
    }

    /** {@link #seal(Path, String, int)} with the manifest's item_distance ({@code null}: not written). */
    static Path seal(Path dir, String version, int dim, String itemDistance) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.equals(dir.resolve("manifest.json"))).sorted()
                    .toList();
        }
        String listing = files.stream().map(p -> "\"" + dir.relativize(p).toString().replace('\\', '/')
                + "\": {\"sha256\": \"" + sha256(p) + "\", \"bytes\": " + size(p) + "}")
                .collect(Collectors.joining(", "));
        Files.writeString(dir.resolve("manifest.json"), "{\"format_version\": 1, \"model_version\": \"" + version
                + "\", \"created_at\": \"2026-11-21T00:00:00Z\", \"embedding_dim\": " + dim
                + ", \"distance\": \"inner_product\","
                + (itemDistance == null ? "" : " \"item_distance\": \"" + itemDistance + "\",")
                + " \"user_features\": {\"preprocessing\": \"preprocessing/user.json\", \"columns\": [\"city\"], \"input_dim\": 1},"
                + " \"item_features\": {\"preprocessing\": \"preprocessing/item.json\", \"columns\": [\"MSRP\"], \"input_dim\": 1},"
                + " \"files\": {" + listing + "}}");
        return dir;
    }

    /** The loader's source for a local folder, caching under {@code cache}; S3 is never used. */
    static EmbeddingsSource source(Path dir, Path cache) {
        return ArtifactStoreSource.forUri(dir.toUri(), cache, TestArtifacts::noS3);
    }

    static S3Client noS3() {
        throw new AssertionError("a file:// source must not build an S3 client");
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

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
