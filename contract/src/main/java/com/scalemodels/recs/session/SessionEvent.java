package com.scalemodels.recs.session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The validated, typed view of one session event. {@code city}, {@code country} and {@code creditLimit} may be
 * null: the feature encoder treats them as unknown (one-hot all zeros, scaler fill value).
 * {@code browseHistory} is ordered oldest to newest, as on the wire.
 */
public record SessionEvent(String sessionId, int customerNumber, String city, String country, Double creditLimit,
        List<BrowseItem> browseHistory) {

    public SessionEvent {
        Objects.requireNonNull(sessionId, "sessionId");
        browseHistory = List.copyOf(Objects.requireNonNull(browseHistory, "browseHistory"));
    }

    /**
     * Product codes a {@code similar_items} seed may be taken from, best first: cart items newest first, then
     * the other items newest first, each code once. The caller picks the first one its catalog knows.
     */
    public List<String> seedCandidates() {
        Set<String> ordered = new LinkedHashSet<>();
        for (int i = browseHistory.size() - 1; i >= 0; i--) {
            if (browseHistory.get(i).inShoppingCart()) {
                ordered.add(browseHistory.get(i).productCode());
            }
        }
        for (int i = browseHistory.size() - 1; i >= 0; i--) {
            ordered.add(browseHistory.get(i).productCode());
        }
        return List.copyOf(ordered);
    }

    /** Every product code of the history, each once, in first-seen order: items never to recommend back. */
    public Set<String> browsedProductCodes() {
        Set<String> codes = new LinkedHashSet<>();
        for (BrowseItem item : browseHistory) {
            codes.add(item.productCode());
        }
        return codes;
    }

    @Override
    public String toString() {
        // Location and credit data stay out of logs; ids are enough to find a record.
        List<String> codes = new ArrayList<>(browseHistory.size());
        browseHistory.forEach(i -> codes.add(i.productCode()));
        return "SessionEvent[sessionId=" + sessionId + ", customerNumber=" + customerNumber + ", browseHistory="
                + codes + "]";
    }
}
