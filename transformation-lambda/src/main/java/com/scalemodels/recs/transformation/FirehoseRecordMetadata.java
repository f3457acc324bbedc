package com.scalemodels.recs.transformation;

import java.util.Map;

/**
 * {@code metadata} of a response record, for Firehose dynamic partitioning. Not used yet: the field exists so the
 * response shape need not change when a delivery stream turns dynamic partitioning on. Remember to count it in
 * {@link ResponseSizeBudget} when it is set.
 */
public record FirehoseRecordMetadata(Map<String, String> partitionKeys) {

    public FirehoseRecordMetadata {
        partitionKeys = partitionKeys == null ? null : Map.copyOf(partitionKeys);
    }
}
