package com.scalemodels.recs.etl;

/** The share of rejected ratings is above {@code --max-bad-row-fraction}: the training table is not written. */
public final class DataQualityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient QualityCounts counts;

    public DataQualityException(QualityCounts counts, double maxBadRowFraction) {
        super(String.format(java.util.Locale.ROOT,
                "%d of %d ratings rejected (fraction %.6f) exceeds --max-bad-row-fraction %s;"
                        + " the rejected rows are in the rejected folder, the training table was left untouched",
                counts.rejected(), counts.ratingsRead(), counts.badRowFraction(), maxBadRowFraction));
        this.counts = counts;
    }

    public QualityCounts counts() {
        return counts;
    }
}
