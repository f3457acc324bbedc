package com.scalemodels.recs.inference.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.scalemodels.recs.enrichment.Recommendation;
import java.util.List;
import java.util.Optional;

/**
 * Items similar to a catalog item, remembered for the life of one model version: item embeddings do not change
 * within a version, so a seed is queried once per execution environment. Items the catalog does not have are
 * remembered too, so a session full of unknown codes does not query again. Bounded (least recently and frequently
 * used entries go first), so memory stays flat however large the catalog. Thread-safe.
 */
final class SimilarItemsCache {

    static final int MAX_ENTRIES = 50_000;

    /** An item's nearest neighbours, best first; none when the catalog does not have the item. */
    record Neighbours(boolean inCatalog, List<Recommendation> items) {

        static final Neighbours NOT_IN_CATALOG = new Neighbours(false, List.of());

        Neighbours {
            items = List.copyOf(items);
        }
    }

    /** What the database answered when asked for {@code k} neighbours. */
    private record Entry(int k, Neighbours neighbours) {
    }

    // Maintenance runs on the calling thread: a Lambda environment is frozen between invocations, so work left to a
    // background pool would wait for the next request anyway.
    private final Cache<String, Entry> entries = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .executor(Runnable::run)
            .build();

    /**
     * The item's first {@code k} neighbours, or whether the catalog lacks it, when an earlier answer covers them;
     * empty when the database must be asked.
     */
    Optional<Neighbours> get(String itemId, int k) {
        Entry entry = entries.getIfPresent(itemId);
        if (entry == null) {
            return Optional.empty();
        }
        List<Recommendation> items = entry.neighbours().items();
        if (!entry.neighbours().inCatalog() || entry.k() >= k) {
            return Optional.of(new Neighbours(entry.neighbours().inCatalog(),
                    items.subList(0, Math.min(k, items.size()))));
        }
        // Asked before with a smaller k: the catalog may hold more neighbours than were kept, unless it had fewer.
        return items.size() < entry.k() ? Optional.of(entry.neighbours()) : Optional.empty();
    }

    void putKnown(String itemId, int k, List<Recommendation> items) {
        entries.put(itemId, new Entry(k, new Neighbours(true, items)));
    }

    void putUnknown(String itemId) {
        entries.put(itemId, new Entry(Integer.MAX_VALUE, Neighbours.NOT_IN_CATALOG));
    }
}
