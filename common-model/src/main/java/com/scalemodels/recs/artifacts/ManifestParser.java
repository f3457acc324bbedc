package com.scalemodels.recs.artifacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.scalemodels.recs.vectordb.Distance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Strict parse of {@code manifest.json}. Unknown top-level fields are ignored (room for metadata such as training
 * metrics); every field the code relies on must be present and well-formed. File paths are relative and may not
 * leave the artifact folder: they become paths in the local cache.
 */
public final class ManifestParser {

    static final String SOURCE = "manifest.json";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** Model versions name a cache directory: one safe path segment. */
    private static final Pattern MODEL_VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern FILE_PATH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public Manifest parse(byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ArtifactException(SOURCE + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new ArtifactException(SOURCE + ": not valid JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new ArtifactException(SOURCE + ": not a JSON object");
        }
        int format = integer(root, "format_version", SOURCE);
        if (format != Manifest.FORMAT_VERSION) {
            throw new ArtifactException(SOURCE + ": format_version must be " + Manifest.FORMAT_VERSION);
        }
        String version = text(root, "model_version", SOURCE);
        if (!MODEL_VERSION.matcher(version).matches()) {
            throw new ArtifactException(SOURCE + ": model_version must match " + MODEL_VERSION.pattern());
        }
        String createdAt = root.hasNonNull("created_at") ? text(root, "created_at", SOURCE) : null;
        int dim = integer(root, "embedding_dim", SOURCE);
        if (dim < 1 || dim > 16000) {
            throw new ArtifactException(SOURCE + ": embedding_dim must be between 1 and 16000");
        }
        String distanceName = text(root, "distance", SOURCE);
        Distance distance = Distance.fromManifest(distanceName);
        if (distance == null) {
            throw new ArtifactException(SOURCE + ": distance must be inner_product or cosine");
        }
        // Item-to-item similarity; manifests written before it existed mean the user-to-item measure.
        Distance itemDistance = distance;
        if (root.has("item_distance")) {
            itemDistance = Distance.fromManifest(text(root, "item_distance", SOURCE));
            if (itemDistance == null) {
                throw new ArtifactException(SOURCE + ": item_distance must be inner_product or cosine");
            }
        }
        Map<String, Manifest.FileEntry> files = files(root.get("files"));
        Manifest.FeatureSet user = featureSet(root.get("user_features"), "user_features", files);
        Manifest.FeatureSet item = featureSet(root.get("item_features"), "item_features", files);
        return new Manifest(format, version, createdAt, dim, distance, itemDistance, user, item, files);
    }

    private static Map<String, Manifest.FileEntry> files(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new ArtifactException(SOURCE + ": files must be a non-empty object");
        }
        Map<String, Manifest.FileEntry> files = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = e.getKey();
            String at = SOURCE + ": files[\"" + path + "\"]";
            if (!FILE_PATH.matcher(path).matches() || path.contains("..") || path.equals(SOURCE)) {
                throw new ArtifactException(at + ": not a safe relative path");
            }
            if (!e.getValue().isObject()) {
                throw new ArtifactException(at + ": expected an object with sha256 and bytes");
            }
            String sha = text(e.getValue(), "sha256", at);
            if (!SHA256.matcher(sha).matches()) {
                throw new ArtifactException(at + ": sha256 must be 64 lowercase hex digits");
            }
            JsonNode bytes = e.getValue().get("bytes");
            if (bytes == null || !bytes.canConvertToLong() || !bytes.isIntegralNumber() || bytes.longValue() < 0) {
                throw new ArtifactException(at + ": bytes must be a non-negative integer");
            }
            files.put(path, new Manifest.FileEntry(sha, bytes.longValue()));
        }
        return files;
    }

    private static Manifest.FeatureSet featureSet(JsonNode node, String field, Map<String, Manifest.FileEntry> files) {
        String at = SOURCE + ": " + field;
        if (node == null || !node.isObject()) {
            throw new ArtifactException(at + ": required object");
        }
        String preprocessing = text(node, "preprocessing", at);
        if (!files.containsKey(preprocessing)) {
            throw new ArtifactException(at + ".preprocessing: " + preprocessing + " is not listed in files");
        }
        JsonNode columnsNode = node.get("columns");
        if (columnsNode == null || !columnsNode.isArray() || columnsNode.isEmpty()) {
            throw new ArtifactException(at + ".columns: must be a non-empty array of strings");
        }
        List<String> columns = new ArrayList<>();
        for (JsonNode c : columnsNode) {
            if (!c.isTextual()) {
                throw new ArtifactException(at + ".columns: must be a non-empty array of strings");
            }
            columns.add(c.textValue());
        }
        int inputDim = integer(node, "input_dim", at);
        if (inputDim < 1) {
            throw new ArtifactException(at + ".input_dim: must be positive");
        }
        return new Manifest.FeatureSet(preprocessing, columns, inputDim);
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new ArtifactException(at + ": " + field + " must be a string");
        }
        return v.textValue();
    }

    private static int integer(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || !v.isInt()) {
            throw new ArtifactException(at + ": " + field + " must be an integer");
        }
        return v.intValue();
    }
}
