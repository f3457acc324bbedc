package com.scalemodels.recs.local;

import java.nio.file.Path;
import java.util.Map;

/** What the Glue job reported in {@code _RUN_SUMMARY.json}, and where its output is. */
public record EtlResult(long ratingsRead, long rowsWritten, long customers, long rejected,
        Map<String, Long> rejectedByReason, double badRowFraction, Path trainingTable, Path rejectedPath,
        double seconds) {

    public EtlResult {
        rejectedByReason = Map.copyOf(rejectedByReason);
    }
}
