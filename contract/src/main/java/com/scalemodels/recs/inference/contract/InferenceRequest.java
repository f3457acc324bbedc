package com.scalemodels.recs.inference.contract;

import com.scalemodels.recs.session.SessionEvent;
import java.util.List;
import java.util.Objects;

/**
 * One synchronous call from the transformation Lambda: every valid session of a Firehose batch (or of one chunk
 * of it, when the batch would exceed Lambda's 6 MB payload). {@code k} recommendations and {@code similarK}
 * similar items per session.
 */
public record InferenceRequest(String requestId, int k, int similarK, List<SessionEvent> sessions) {

    /** Hard upper bound of {@code k} and {@code similar_k}. */
    public static final int MAX_K = 100;

    public InferenceRequest {
        Objects.requireNonNull(requestId, "requestId");
        sessions = List.copyOf(Objects.requireNonNull(sessions, "sessions"));
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k: out of range (limit 1.." + MAX_K + ")");
        }
        if (similarK < 0 || similarK > MAX_K) {
            throw new IllegalArgumentException("similar_k: out of range (limit 0.." + MAX_K + ")");
        }
    }
}
