package com.scalemodels.recs.artifacts.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.scalemodels.recs.artifacts.InvalidArtifactsException;
import com.scalemodels.recs.artifacts.Manifest;
import com.scalemodels.recs.features.SessionBlend;
import com.scalemodels.recs.json.Fields;
import com.scalemodels.recs.json.InvalidFieldException;
import com.scalemodels.recs.json.Json;
import com.scalemodels.recs.model.Distance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** The most dimensions pgvector's vector type holds. */
    private static final int MAX_EMBEDDING_DIM = 16000;

    /** @throws InvalidArtifactsException {@code manifest.json: <field>: <problem>} */
    public Manifest parse(byte[] json) {
        try {
            return parse(Fields.root(Json.read(json), "JSON"));
        } catch (InvalidFieldException e) {
            throw new InvalidArtifactsException(SOURCE + ": " + e.getMessage());
        }
    }

    private static Manifest parse(Fields root) {
        int format = root.requiredInt("format_version", Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (format != Manifest.FORMAT_VERSION) {
            throw root.invalid("format_version", "must be " + Manifest.FORMAT_VERSION);
        }
        String version = root.requiredText("model_version");
        if (!MODEL_VERSION.matcher(version).matches()) {
            throw root.invalid("model_version", "must match " + MODEL_VERSION.pattern());
        }
        String createdAt = root.optionalText("created_at", Integer.MAX_VALUE);
        int dim = root.requiredInt("embedding_dim", 1, MAX_EMBEDDING_DIM);
        Distance distance = Distance.fromManifest(root.requiredText("distance"));
        if (distance == null) {
            throw root.invalid("distance", "must be inner_product or cosine");
        }
        // Item-to-item similarity; manifests written before it existed mean the user-to-item measure.
        Distance itemDistance = distance;
        if (root.has("item_distance")) {
            itemDistance = Distance.fromManifest(root.requiredText("item_distance"));
            if (itemDistance == null) {
                throw root.invalid("item_distance", "must be inner_product or cosine");
            }
        }
        // Absent or null: recommended_items use the user vector alone.
        SessionBlend blend = root.has("session_blend") ? sessionBlend(root.requiredObject("session_blend")) : null;
        Map<String, Manifest.FileEntry> files = files(root.requiredObject("files"));
        Manifest.FeatureSet user = featureSet(root.requiredObject("user_features"), files);
        Manifest.FeatureSet item = featureSet(root.requiredObject("item_features"), files);
        return new Manifest(format, version, createdAt, dim, distance, itemDistance, blend, user, item, files);
    }

    /** Unknown fields are refused: a weight the code ignored would change the query without a word. */
    private static SessionBlend sessionBlend(Fields node) {
        node.onlyKnown(Set.of("user_weight", "browse_weight", "cart_weight", "recency_decay"));
        double decay = node.requiredFinite("recency_decay");
        if (!(decay > 0 && decay <= 1)) {
            throw node.invalid("recency_decay", "must be > 0 and <= 1");
        }
        return new SessionBlend(weight(node, "user_weight"), weight(node, "browse_weight"),
                weight(node, "cart_weight"), decay);
    }

    private static double weight(Fields node, String name) {
        double value = node.requiredFinite(name);
        if (value < 0) {
            throw node.invalid(name, "must not be negative");
        }
        return value;
    }

    private static Map<String, Manifest.FileEntry> files(Fields node) {
        if (node.names().isEmpty()) {
            throw node.invalidObject("must not be empty");
        }
        Map<String, Manifest.FileEntry> files = new LinkedHashMap<>();
        for (String path : node.names()) {
            Fields entry = node.entry(path);
            if (!FILE_PATH.matcher(path).matches() || path.contains("..") || path.equals(SOURCE)) {
                throw entry.invalidObject("not a safe relative path");
            }
            String sha = entry.requiredText("sha256");
            if (!SHA256.matcher(sha).matches()) {
                throw entry.invalid("sha256", "must be 64 lowercase hex digits");
            }
            files.put(path, new Manifest.FileEntry(sha, entry.requiredLong("bytes", 0, Long.MAX_VALUE)));
        }
        return files;
    }

    private static Manifest.FeatureSet featureSet(Fields node, Map<String, Manifest.FileEntry> files) {
        String preprocessing = node.requiredText("preprocessing");
        if (!files.containsKey(preprocessing)) {
            throw node.invalid("preprocessing", preprocessing + " is not listed in files");
        }
        ArrayNode array = node.requiredArray("columns", 1, Integer.MAX_VALUE);
        List<String> columns = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            columns.add(node.textElement("columns", array, i, Integer.MAX_VALUE));
        }
        return new Manifest.FeatureSet(preprocessing, columns, node.requiredInt("input_dim", 1, Integer.MAX_VALUE));
    }
}
