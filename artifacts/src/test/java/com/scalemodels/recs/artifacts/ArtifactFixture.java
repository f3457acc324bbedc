package com.scalemodels.recs.artifacts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** A small, valid artifact folder in memory: files plus a manifest that lists their hashes and sizes. */
public final class ArtifactFixture {

    static final String USER_JSON = """
            {"format_version": 1, "string_normalization": "strip", "features": [
              {"column": "city", "kind": "one_hot", "categories": ["Boston", "Nantes"]},
              {"column": "country", "kind": "one_hot", "categories": ["France", "USA"]},
              {"column": "creditLimit", "kind": "standard_scaler", "mean": 83904.5, "scale": 42127.25,
               "with_mean": true, "with_std": true, "fill_value": 0.0}]}
            """;
    static final String ITEM_JSON = """
            {"format_version": 1, "string_normalization": "strip", "features": [
              {"column": "productLine", "kind": "one_hot", "categories": ["Classic Cars", "Planes"]},
              {"column": "productScale", "kind": "one_hot", "categories": ["1:10", "1:18"]},
              {"column": "quantityInStock", "kind": "standard_scaler", "mean": 5000, "scale": 2000,
               "with_mean": true, "with_std": true, "fill_value": 0.0},
              {"column": "buyPrice", "kind": "standard_scaler", "mean": 50, "scale": 20,
               "with_mean": true, "with_std": true, "fill_value": 0.0},
              {"column": "MSRP", "kind": "standard_scaler", "mean": 100, "scale": 40,
               "with_mean": true, "with_std": true, "fill_value": 0.0}]}
            """;

    final Map<String, byte[]> files = new LinkedHashMap<>();
    final String modelVersion;

    public ArtifactFixture(String modelVersion) {
        this.modelVersion = modelVersion;
        files.put("model/user_tower.pt", bytes(70_000, 1));
        files.put("model/item_tower.pt", bytes(30_000, 2));
        files.put("preprocessing/user.json", USER_JSON.getBytes(StandardCharsets.UTF_8));
        files.put("preprocessing/item.json", ITEM_JSON.getBytes(StandardCharsets.UTF_8));
        files.put("embeddings/item_embeddings.csv", "id,embedding\nS10_1678,\"[1,2]\"\n".getBytes(StandardCharsets.UTF_8));
        files.put("embeddings/user_embeddings.csv", "id,embedding\n103,\"[3,4]\"\n".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    public byte[] manifest() {
        StringBuilder entries = new StringBuilder();
        files.forEach((path, content) -> entries.append(entries.length() == 0 ? "" : ",\n    ")
                .append('"').append(path).append("\": {\"sha256\": \"").append(sha256(content))
                .append("\", \"bytes\": ").append(content.length).append('}'));
        return ("""
                {
                  "format_version": 1,
                  "model_version": "%s",
                  "created_at": "2026-11-21T00:00:00Z",
                  "embedding_dim": 2,
                  "distance": "inner_product",
                  "user_features": {"preprocessing": "preprocessing/user.json", "columns": ["city", "country", "creditLimit"], "input_dim": 5},
                  "item_features": {"preprocessing": "preprocessing/item.json", "columns": ["productLine", "productScale", "quantityInStock", "buyPrice", "MSRP"], "input_dim": 7},
                  "files": {
                    %s
                  }
                }
                """).formatted(modelVersion, entries).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes manifest.json and every file through {@code writer(path, content)}. */
    void writeTo(BiConsumer<String, byte[]> writer) {
        writer.accept("manifest.json", manifest());
        files.forEach(writer);
    }
}
