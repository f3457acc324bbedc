package com.scalemodels.recs.etl;

import java.util.Map;

/**
 * What the quality checks found. Every rating read is either accepted or rejected for exactly one reason.
 *
 * @param ratingsRead         rows read from {@code ratings}
 * @param accepted            rows in the training table
 * @param rejectedByReason    rejected rows per {@link RejectReason}, every reason present (0 when none)
 * @param nullFeatureByColumn among {@code null_feature} rejects, how many have a null in each required column
 * @param nullOptionalByColumn among accepted rows, how many have a null in each optional column (kept)
 * @param customers           distinct customers in the training table
 */
public record QualityCounts(
        long ratingsRead,
        long accepted,
        Map<RejectReason, Long> rejectedByReason,
        Map<String, Long> nullFeatureByColumn,
        Map<String, Long> nullOptionalByColumn,
        long customers) {

    public QualityCounts {
        rejectedByReason = Map.copyOf(rejectedByReason);
        nullFeatureByColumn = Map.copyOf(nullFeatureByColumn);
        nullOptionalByColumn = Map.copyOf(nullOptionalByColumn);
    }

    public long rejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rejected(RejectReason reason) {
        return rejectedByReason.getOrDefault(reason, 0L);
    }

    public double badRowFraction() {
        return ratingsRead == 0 ? 0.0 : (double) rejected() / ratingsRead;
    }
}
