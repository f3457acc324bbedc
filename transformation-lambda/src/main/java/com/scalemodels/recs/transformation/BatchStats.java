package com.scalemodels.recs.transformation;

/** What one batch did, for the summary log line and the metrics. */
public record BatchStats(String invocationId, RecordCounts records, InferenceCalls inference, ByteCounts bytes) {

    /** The batch's records and how many were answered {@code Ok}; every other one is {@code ProcessingFailed}. */
    public record RecordCounts(int total, int ok) {
        public int processingFailed() {
            return total - ok;
        }
    }

    /** The valid sessions sent to inference, in how many invokes, and how long they took together. */
    public record InferenceCalls(int sessionsSent, int chunks, long latencyMs) {
    }

    /**
     * {@code in}: the records' decoded data; {@code out}: the returned records' data before base64;
     * {@code responseBound}: the response size as {@link ResponseSizeBudget} counted it.
     */
    public record ByteCounts(long in, long out, long responseBound) {
    }
}
