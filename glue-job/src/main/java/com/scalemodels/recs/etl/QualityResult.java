package com.scalemodels.recs.etl;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Output of {@link RatingsQualityCheck}: the training rows, the rejected rows (training columns plus
 * rejectReason and rejectDetail) and their counts. Both datasets come from one cached frame; call
 * {@link #release()} when they are written.
 */
public record QualityResult(Dataset<Row> accepted, Dataset<Row> rejected, QualityCounts counts,
        Dataset<Row> cached) {

    public void release() {
        cached.unpersist();
    }
}
