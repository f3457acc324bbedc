package com.scalemodels.recs.transformation;

import com.scalemodels.recs.enrichment.ServedItems;

/** What one batch did, for the summary log line and the metrics. */
public record BatchStats(String invocationId, RecordCounts records, InferenceCalls inference, ByteCounts bytes,
        Served served) {

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

    /**
     * What the batch's {@code Ok} records carry, for quality drift: the share of sessions that got a similar-items
     * seed (a falling share means sessions browse products the catalog does not know), distinct products over the
     * recommended and the similar lists, and the share of sessions whose first recommendation is the batch's most
     * common one. Distinct counts grow with the batch size; compare batches of similar sizes.
     */
    public record Served(int sessions, double seedShare, int distinctRecommended, int distinctSimilar,
            double top1Share) {

        static Served of(ServedItems items) {
            return new Served(items.sessions(), items.seedShare(), items.distinctRecommended(),
                    items.distinctSimilar(), items.top1Share());
        }
    }
}
