package com.scalemodels.recs.features;

import java.util.Map;

/**
 * Raw feature values of one user or item, by column name. A value is a {@link String} for one-hot columns, a
 * {@link Number} for scaled columns, or null when unknown.
 */
@FunctionalInterface
public interface FeatureRow {

    Object value(String column);

    static FeatureRow of(Map<String, ?> values) {
        return values::get;
    }
}
