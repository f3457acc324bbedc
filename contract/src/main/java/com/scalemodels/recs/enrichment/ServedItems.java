package com.scalemodels.recs.enrichment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run or a batch served, as the figures an operator watches for quality drift: how many distinct products
 * the recommendations used, how concentrated their first places are, how many sessions got a similar-items seed.
 * One definition for the transformation function's metrics, the local runner's summary and the serving benchmark.
 * Not thread-safe: one per batch or per run.
 */
public final class ServedItems {

    private int sessions;
    private int sessionsWithSeed;
    private int sessionsWithFirst;
    private final Set<String> recommended = new HashSet<>();
    private final Map<String, Integer> firstCounts = new HashMap<>();
    private final Set<String> similar = new HashSet<>();
    private final Set<String> firstSimilar = new HashSet<>();

    /** Counts one enriched session; {@code similarItems} null when it had no seed. */
    public void add(List<Recommendation> recommendedItems, SimilarItems similarItems) {
        sessions++;
        for (Recommendation r : recommendedItems) {
            recommended.add(r.productCode());
        }
        if (!recommendedItems.isEmpty()) {
            sessionsWithFirst++;
            firstCounts.merge(recommendedItems.get(0).productCode(), 1, Integer::sum);
        }
        if (similarItems != null) {
            sessionsWithSeed++;
            for (Recommendation r : similarItems.similarItems()) {
                similar.add(r.productCode());
            }
            if (!similarItems.similarItems().isEmpty()) {
                firstSimilar.add(similarItems.similarItems().get(0).productCode());
            }
        }
    }

    public int sessions() {
        return sessions;
    }

    /** Sessions whose history named a product the catalog knows, so they got similar items. */
    public int sessionsWithSeed() {
        return sessionsWithSeed;
    }

    /** {@link #sessionsWithSeed()} over {@link #sessions()}; 0 for no session. */
    public double seedShare() {
        return sessions == 0 ? 0 : sessionsWithSeed / (double) sessions;
    }

    /** Distinct products over every {@code recommended_items} list. */
    public int distinctRecommended() {
        return recommended.size();
    }

    /** Distinct products in first place of {@code recommended_items}. */
    public int distinctFirstRecommended() {
        return firstCounts.size();
    }

    /** Share of sessions (with a non-empty list) whose first recommendation is the most common first one. */
    public double top1Share() {
        int most = firstCounts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return sessionsWithFirst == 0 ? 0 : most / (double) sessionsWithFirst;
    }

    /** {@link #distinctRecommended()} over the catalog's size. */
    public double catalogCoverage(long catalogItems) {
        return catalogItems <= 0 ? 0 : distinctRecommended() / (double) catalogItems;
    }

    /** Distinct products over every {@code similar_items} list. */
    public int distinctSimilar() {
        return similar.size();
    }

    /** Distinct products in first place of {@code similar_items}. */
    public int distinctFirstSimilar() {
        return firstSimilar.size();
    }
}
