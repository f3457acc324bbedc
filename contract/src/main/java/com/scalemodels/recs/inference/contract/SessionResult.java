package com.scalemodels.recs.inference.contract;

import com.scalemodels.recs.enrichment.Recommendation;
import com.scalemodels.recs.enrichment.SimilarItems;
import java.util.List;
import java.util.Objects;

/**
 * The answer for one request session; {@code index} is its position in the request. A non-null {@code error}
 * means inference could not answer this session (the record becomes {@code ProcessingFailed}); such a result has
 * no items.
 */
public record SessionResult(int index, String sessionId, List<Recommendation> recommendedItems,
        SimilarItems similarItems, String error) {

    public SessionResult {
        Objects.requireNonNull(sessionId, "sessionId");
        recommendedItems = recommendedItems == null ? List.of() : List.copyOf(recommendedItems);
        if (error != null && (!recommendedItems.isEmpty() || similarItems != null)) {
            throw new IllegalArgumentException("a failed session result carries no items (index " + index + ")");
        }
    }

    public static SessionResult ok(int index, String sessionId, List<Recommendation> recommendedItems,
            SimilarItems similarItems) {
        return new SessionResult(index, sessionId, recommendedItems, similarItems, null);
    }

    /** {@code error} is logged and returned to the caller: ids only, never customer data. */
    public static SessionResult failed(int index, String sessionId, String error) {
        return new SessionResult(index, sessionId, List.of(), null, Objects.requireNonNull(error, "error"));
    }

    public boolean hasError() {
        return error != null;
    }
}
