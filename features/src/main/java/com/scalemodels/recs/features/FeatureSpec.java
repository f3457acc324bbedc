package com.scalemodels.recs.features;

import java.util.List;
import java.util.Objects;

/** One raw column and how it is encoded. */
public sealed interface FeatureSpec {

    String column();

    /** Encoded width: number of categories for one-hot, 1 for a scaled number. */
    int width();

    /** scikit-learn {@code OneHotEncoder(handle_unknown="ignore")} over {@code categories} (stored normalized). */
    record OneHot(String column, List<String> categories) implements FeatureSpec {
        public OneHot {
            Objects.requireNonNull(column, "column");
            categories = List.copyOf(categories);
        }

        @Override
        public int width() {
            return categories.size();
        }
    }

    /**
     * scikit-learn {@code StandardScaler} preceded by a constant imputer: missing → {@code fillValue}, then
     * {@code (x - mean) / scale} in float64 with each step only if enabled; a {@code scale} of 0 counts as 1.
     */
    record StandardScaler(String column, double mean, double scale, boolean withMean, boolean withStd,
            double fillValue) implements FeatureSpec {
        public StandardScaler {
            Objects.requireNonNull(column, "column");
        }

        @Override
        public int width() {
            return 1;
        }
    }
}
