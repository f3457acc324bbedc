package com.scalemodels.recs.transformation;

import java.util.Base64;
import java.util.Objects;

/**
 * One answered record. Component names are the JSON names Firehose reads; {@code metadata} is left out of the
 * JSON when null (the runtime's serializer omits nulls).
 */
public record FirehoseResponseRecord(String recordId, FirehoseResult result, String data,
        FirehoseRecordMetadata metadata) {

    public FirehoseResponseRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(data, "data");
    }

    public static FirehoseResponseRecord ok(String recordId, byte[] data) {
        return new FirehoseResponseRecord(recordId, FirehoseResult.Ok, Base64.getEncoder().encodeToString(data), null);
    }

    /** Carries the record's original bytes, so what lands under processing-failed/ is what the producer sent. */
    public static FirehoseResponseRecord processingFailed(String recordId, byte[] originalData) {
        return new FirehoseResponseRecord(recordId, FirehoseResult.ProcessingFailed,
                Base64.getEncoder().encodeToString(originalData), null);
    }
}
