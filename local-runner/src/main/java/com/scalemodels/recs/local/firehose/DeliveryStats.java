package com.scalemodels.recs.local.firehose;

import java.util.List;

/**
 * What the simulator did. {@code batchMillis} holds the wall time of every function call (failed ones too).
 *
 * @param invocationsFailed calls that threw or answered badly (each retried or, at the end, sent to processing-failed)
 * @param batchesFailed     batches whose every record went to processing-failed after the last retry
 */
public record DeliveryStats(long recordsIn, long ok, long dropped, long processingFailed, long batches,
        long invocations, long invocationsFailed, long batchesFailed, List<Double> batchMillis) {

    public DeliveryStats {
        batchMillis = List.copyOf(batchMillis);
    }

    /** Nearest-rank percentile of the batch latencies, 0 when there were none. */
    public double percentileMillis(double p) {
        if (batchMillis.isEmpty()) {
            return 0;
        }
        List<Double> sorted = batchMillis.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
