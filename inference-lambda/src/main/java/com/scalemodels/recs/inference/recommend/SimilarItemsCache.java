package com.scalemodels.recs.inference.recommend;

import com.scalemodels.recs.enrichment.Recommendation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Items similar to a catalog item, remembered for the life of one model version: item embeddings do not change
 * within a version, so a seed is queried once per execution environment. Unknown items are remembered too, so a
 * session full of unknown codes does not query again. Bounded: when full it starts over, which costs one query per
 * seed and keeps memory flat however large the catalog.
 */
final class SimilarItemsCache {

    static final int MAX_ENTRIES = 50_000;

    private record Entry(int k, Optional<List<Recommendation>> items) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Empty if the item was never asked for with at least {@code k}; else known (items) or unknown (empty). */
    Optional<Optional<List<Recommendation>>> get(String itemId, int k) {
        Entry entry = entries.get(itemId);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.items().isEmpty()) {
            return Optional.of(Optional.empty());
        }
        List<Recommendation> items = entry.items().get();
        if (entry.k() >= k) {
            return Optional.of(Optional.of(items.subList(0, Math.min(k, items.size()))));
        }
        // Asked before with a smaller k: the catalog may hold more neighbours than we kept.
        return items.size() < entry.k() ? Optional.of(Optional.of(items)) : Optional.empty();
    }

    void putKnown(String itemId, int k, List<Recommendation> items) {
        makeRoom();
        entries.put(itemId, new Entry(k, Optional.of(List.copyOf(items))));
    }

    void putUnknown(String itemId) {
        makeRoom();
        entries.put(itemId, new Entry(Integer.MAX_VALUE, Optional.empty()));
    }

    int size() {
        return entries.size();
    }

    private void makeRoom() {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
    }
}
