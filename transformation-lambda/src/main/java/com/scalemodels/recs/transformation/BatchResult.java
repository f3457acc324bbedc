package com.scalemodels.recs.transformation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The response for Firehose, the reason of every failed record (null for the others, same order as the response)
 * and the figures describing the batch. Reasons are safe to log: field names and limits, never values.
 */
public record BatchResult(FirehoseResponse response, List<String> failureReasons, BatchStats stats) {

    public BatchResult {
        failureReasons = Collections.unmodifiableList(new ArrayList<>(failureReasons)); // holds nulls
    }
}
