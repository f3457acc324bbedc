package com.scalemodels.recs.inference.contract;

import com.scalemodels.recs.json.Fields;
import com.scalemodels.recs.session.SessionEvent;
import java.util.List;
import java.util.Objects;

/**
 * One synchronous call from the transformation Lambda: every valid session of a Firehose batch (or of one chunk
 * of it, when the batch would exceed Lambda's 6 MB payload). {@code k} recommendations and {@code similarK}
 * similar items per session.
 */
public record InferenceRequest(String requestId, int k, int similarK, List<SessionEvent> sessions) {

    /** Hard upper bound of {@code k} and {@code similar_k}, and of any other number of items asked for. */
    public static final int MAX_K = 100;

    /** @throws com.scalemodels.recs.json.InvalidFieldException when k or similar_k is out of range */
    public InferenceRequest {
        Objects.requireNonNull(requestId, "requestId");
        sessions = List.copyOf(Objects.requireNonNull(sessions, "sessions"));
        if (k < 1 || k > MAX_K) {
            throw Fields.outOfRange("k", 1, MAX_K);
        }
        if (similarK < 0 || similarK > MAX_K) {
            throw Fields.outOfRange("similar_k", 0, MAX_K);
        }
    }
}
