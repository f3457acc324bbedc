package com.scalemodels.recs.features;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a preprocessing JSON strictly: every problem is an error naming the file, the feature and the field.
 * A lenient reader would produce a vector the model was not trained on, and nothing downstream could tell.
 * Numbers are read as doubles with Java's correctly rounded parser, so Python's {@code repr} round-trips exactly.
 */
public final class PreprocessingReader {

    private static final Set<String> TOP_FIELDS = Set.of("format_version", "string_normalization", "features");
    private static final Set<String> ONE_HOT_FIELDS = Set.of("column", "kind", "categories");
    private static final Set<String> SCALER_FIELDS = Set.of("column", "kind", "mean", "scale", "with_mean",
            "with_std", "fill_value");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public PreprocessingSpec read(Path file) {
        try {
            return read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new PreprocessingException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** @param source names the file in error messages */
    public PreprocessingSpec read(byte[] json, String source) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw new PreprocessingException(source + ": not valid JSON (" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new PreprocessingException(source + ": not a JSON object");
        }
        onlyKnownFields(root, TOP_FIELDS, source);
        JsonNode version = root.get("format_version");
        if (version == null || !version.isInt() || version.intValue() != PreprocessingSpec.FORMAT_VERSION) {
            throw new PreprocessingException(source + ": format_version must be " + PreprocessingSpec.FORMAT_VERSION);
        }
        JsonNode normNode = root.get("string_normalization");
        StringNormalization normalization = normNode != null && normNode.isTextual()
                ? StringNormalization.fromJson(normNode.textValue()) : null;
        if (normalization == null) {
            throw new PreprocessingException(source + ": string_normalization must be \"strip\" or \"none\"");
        }
        JsonNode featuresNode = root.get("features");
        if (featuresNode == null || !featuresNode.isArray() || featuresNode.isEmpty()) {
            throw new PreprocessingException(source + ": features must be a non-empty array");
        }
        List<FeatureSpec> features = new ArrayList<>();
        Set<String> columns = new HashSet<>();
        for (int i = 0; i < featuresNode.size(); i++) {
            FeatureSpec feature = feature(featuresNode.get(i), source + ": features[" + i + "]", normalization);
            if (!columns.add(feature.column())) {
                throw new PreprocessingException(source + ": features[" + i + "] (" + feature.column()
                        + "): duplicate column");
            }
            features.add(feature);
        }
        return new PreprocessingSpec(PreprocessingSpec.FORMAT_VERSION, normalization, features);
    }

    private static FeatureSpec feature(JsonNode node, String where, StringNormalization normalization) {
        if (!node.isObject()) {
            throw new PreprocessingException(where + ": expected an object");
        }
        String column = text(node, "column", where);
        if (column.isEmpty()) {
            throw new PreprocessingException(where + ": column must not be empty");
        }
        String at = where + " (" + column + ")";
        String kind = text(node, "kind", at);
        return switch (kind) {
            case "one_hot" -> oneHot(node, column, at, normalization);
            case "standard_scaler" -> scaler(node, column, at);
            default -> throw new PreprocessingException(at + ": unknown kind \"" + kind
                    + "\" (expected one_hot or standard_scaler)");
        };
    }

    private static FeatureSpec oneHot(JsonNode node, String column, String at, StringNormalization normalization) {
        onlyKnownFields(node, ONE_HOT_FIELDS, at);
        JsonNode array = node.get("categories");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new PreprocessingException(at + ": categories must be a non-empty array of strings");
        }
        List<String> categories = new ArrayList<>(array.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode c = array.get(i);
            if (!c.isTextual()) {
                throw new PreprocessingException(at + ": categories[" + i + "] must be a string");
            }
            if (!seen.add(c.textValue())) {
                throw new PreprocessingException(at + ": categories[" + i + "] is a duplicate");
            }
            if (!normalization.apply(c.textValue()).equals(c.textValue())) {
                // Lookups normalize first, so an unnormalized category could never match.
                throw new PreprocessingException(at + ": categories[" + i + "] is not normalized ("
                        + normalization.name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
            categories.add(c.textValue());
        }
        return new FeatureSpec.OneHot(column, categories);
    }

    private static FeatureSpec scaler(JsonNode node, String column, String at) {
        onlyKnownFields(node, SCALER_FIELDS, at);
        double mean = finite(node, "mean", at);
        double scale = finite(node, "scale", at);
        if (scale < 0) {
            throw new PreprocessingException(at + ": scale must not be negative");
        }
        boolean withMean = bool(node, "with_mean", at);
        boolean withStd = bool(node, "with_std", at);
        double fill = finite(node, "fill_value", at);
        return new FeatureSpec.StandardScaler(column, mean, scale, withMean, withStd, fill);
    }

    private static void onlyKnownFields(JsonNode node, Set<String> known, String at) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new PreprocessingException(at + ": unknown field \"" + name + "\"");
            }
        }
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new PreprocessingException(at + ": " + field + " must be a string");
        }
        return v.textValue();
    }

    private static double finite(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw new PreprocessingException(at + ": " + field + " must be a number");
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new PreprocessingException(at + ": " + field + " must be finite");
        }
        return d;
    }

    private static boolean bool(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            throw new PreprocessingException(at + ": " + field + " must be true or false");
        }
        return v.booleanValue();
    }
}
