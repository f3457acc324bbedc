package com.scalemodels.recs.inference.contract;

import java.util.List;
import java.util.Objects;

/** One result per request session, in request order, and the model version that produced them. */
public record InferenceResponse(String modelVersion, List<SessionResult> results) {

    public InferenceResponse {
        Objects.requireNonNull(modelVersion, "modelVersion");
        results = List.copyOf(Objects.requireNonNull(results, "results"));
    }

    /**
     * Checks this response answers {@code request}: one result per session, in order, same session ids. A
     * mismatch means a broken deployment, not a bad record, so it is an outage for the caller.
     */
    public InferenceResponse requireMatches(InferenceRequest request) {
        if (results.size() != request.sessions().size()) {
            throw new InferenceUnavailableException("inference response for " + request.requestId() + " has "
                    + results.size() + " results for " + request.sessions().size() + " sessions");
        }
        for (int i = 0; i < results.size(); i++) {
            SessionResult r = results.get(i);
            if (r.index() != i || !r.sessionId().equals(request.sessions().get(i).sessionId())) {
                throw new InferenceUnavailableException("inference response for " + request.requestId()
                        + " does not match the request at index " + i);
            }
        }
        return this;
    }
}
