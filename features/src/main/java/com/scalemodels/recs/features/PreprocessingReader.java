package com.scalemodels.recs.features;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.scalemodels.recs.json.Fields;
import com.scalemodels.recs.json.InvalidFieldException;
import com.scalemodels.recs.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a preprocessing JSON strictly: every problem is an error naming the file, the feature and the field.
 * A lenient reader would produce a vector the model was not trained on, and nothing downstream could tell.
 * Numbers are read exactly and converted with Java's correctly rounded parser, so Python's {@code repr}
 * round-trips exactly. Thread-safe.
 */
public final class PreprocessingReader {

    private static final Set<String> TOP_FIELDS = Set.of("format_version", "string_normalization", "features");
    private static final Set<String> ONE_HOT_FIELDS = Set.of("column", "kind", "categories");
    private static final Set<String> SCALER_FIELDS = Set.of("column", "kind", "mean", "scale", "with_mean",
            "with_std", "fill_value");

    /**
     * @param source names the file in error messages
     * @throws InvalidFieldException {@code <source>: <field>: <problem>}, e.g.
     *     {@code preprocessing/user.json: features[2] (creditLimit).mean: expected a number}
     */
    public PreprocessingSpec read(byte[] json, String source) {
        try {
            return read(Fields.root(Json.read(json), "JSON"));
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException(source + ": " + e.getMessage());
        }
    }

    private static PreprocessingSpec read(Fields root) {
        root.onlyKnown(TOP_FIELDS);
        if (root.requiredInt("format_version", Integer.MIN_VALUE, Integer.MAX_VALUE)
                != PreprocessingSpec.FORMAT_VERSION) {
            throw root.invalid("format_version", "must be " + PreprocessingSpec.FORMAT_VERSION);
        }
        StringNormalization normalization = StringNormalization.fromJson(root.requiredText("string_normalization"));
        if (normalization == null) {
            throw root.invalid("string_normalization", "must be \"strip\" or \"none\"");
        }
        ArrayNode array = root.requiredArray("features", 1, Integer.MAX_VALUE);
        List<FeatureSpec> features = new ArrayList<>();
        Set<String> columns = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            Fields node = root.element("features", array, i);
            String column = node.requiredText("column");
            Fields feature = Fields.of(array.get(i), node.path() + " (" + column + ")");
            FeatureSpec spec = switch (feature.requiredText("kind")) {
                case "one_hot" -> oneHot(feature, column, normalization);
                case "standard_scaler" -> scaler(feature, column);
                default -> throw feature.invalid("kind", "must be one_hot or standard_scaler");
            };
            if (!columns.add(column)) {
                throw feature.invalid("column", "duplicate column");
            }
            features.add(spec);
        }
        return new PreprocessingSpec(PreprocessingSpec.FORMAT_VERSION, normalization, features);
    }

    private static FeatureSpec oneHot(Fields feature, String column, StringNormalization normalization) {
        feature.onlyKnown(ONE_HOT_FIELDS);
        ArrayNode array = feature.requiredArray("categories", 1, Integer.MAX_VALUE);
        List<String> categories = new ArrayList<>(array.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String category = feature.textElement("categories", array, i, Integer.MAX_VALUE);
            if (!seen.add(category)) {
                throw feature.invalid("categories[" + i + "]", "duplicate category");
            }
            if (!normalization.apply(category).equals(category)) {
                // Lookups normalize first, so an unnormalized category could never match.
                throw feature.invalid("categories[" + i + "]", "not normalized ("
                        + normalization.name().toLowerCase(Locale.ROOT) + ")");
            }
            categories.add(category);
        }
        return new FeatureSpec.OneHot(column, categories);
    }

    private static FeatureSpec scaler(Fields feature, String column) {
        feature.onlyKnown(SCALER_FIELDS);
        double mean = feature.requiredFinite("mean");
        double scale = feature.requiredFinite("scale");
        if (scale < 0) {
            throw feature.invalid("scale", "must not be negative");
        }
        return new FeatureSpec.StandardScaler(column, mean, scale, feature.requiredBoolean("with_mean"),
                feature.requiredBoolean("with_std"), feature.requiredFinite("fill_value"));
    }
}
