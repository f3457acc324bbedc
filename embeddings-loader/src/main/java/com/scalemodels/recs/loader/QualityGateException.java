package com.scalemodels.recs.loader;

import java.util.List;

/**
 * The quality gate refused a model version: its metrics are missing, below a floor, or worse than the live
 * version's beyond the tolerance. Nothing in the database changed. The message names every failing metric with its
 * value and the floor or live value; {@code force} overrides.
 */
public final class QualityGateException extends RuntimeException {

    private final transient List<String> failures;

    public QualityGateException(String message, List<String> failures) {
        super(message);
        this.failures = List.copyOf(failures);
    }

    public List<String> failures() {
        return failures;
    }
}
