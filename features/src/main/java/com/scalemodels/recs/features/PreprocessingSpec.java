package com.scalemodels.recs.features;

import java.util.List;
import java.util.Objects;

/** The contents of one preprocessing JSON file (format version 1). */
public record PreprocessingSpec(int formatVersion, StringNormalization stringNormalization,
        List<FeatureSpec> features) {

    public static final int FORMAT_VERSION = 1;

    public PreprocessingSpec {
        Objects.requireNonNull(stringNormalization, "stringNormalization");
        features = List.copyOf(features);
    }

    public List<String> columns() {
        return features.stream().map(FeatureSpec::column).toList();
    }

    /** Width of the encoded vector: the sum of the features' widths. */
    public int width() {
        return features.stream().mapToInt(FeatureSpec::width).sum();
    }
}
