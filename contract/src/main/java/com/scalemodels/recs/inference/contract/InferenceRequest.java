package com.scalemodels.recs.inference.contract;

import com.scalemodels.recs.json.Fields;
import com.scalemodels.recs.session.SessionEvent;
import java.util.List;
import java.util.Objects;

/**
 * One synchronous call from the transformation Lambda: every valid session of a Firehose batch (or of one chunk
 * of it, when the batch would exceed Lambda's 6 MB payload). {@code k} recommendations and {@code similarK}
 * similar items per session. {@code requestId} is {@code <Firehose invocation id>/<chunk>}: the invocation id before
 * the last slash is the {@link #correlationId()} both functions log.
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

    /**
     * The log schema's {@code correlation_id}: the Firehose invocation id this request is a chunk of (the request id
     * up to its last {@code /}), or the whole request id when it has no chunk part (a caller other than the
     * transformation function).
     */
    public String correlationId() {
        int slash = requestId.lastIndexOf('/');
        return slash > 0 ? requestId.substring(0, slash) : requestId;
    }
}
