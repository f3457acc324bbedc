package com.scalemodels.recs.transformation;

/**
 * What one batch did, for the summary log line and the metrics. {@code bytesIn} is the sum of the records'
 * decoded data, {@code bytesOut} the sum of the returned records' data before base64.
 */
public record BatchStats(String invocationId, int records, int ok, int processingFailed, int sessionsSent,
        int chunks, long inferenceLatencyMs, long bytesIn, long bytesOut, long responseBytesBound) {
}
