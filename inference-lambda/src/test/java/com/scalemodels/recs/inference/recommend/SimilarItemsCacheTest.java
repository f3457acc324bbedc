package com.scalemodels.recs.inference.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalemodels.recs.enrichment.Recommendation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarItemsCacheTest {

    private static final List<Recommendation> FIVE = List.of(new Recommendation("a", 0.9),
            new Recommendation("b", 0.8), new Recommendation("c", 0.7), new Recommendation("d", 0.6),
            new Recommendation("e", 0.5));

    private final SimilarItemsCache cache = new SimilarItemsCache();

    @Test
    void anAnswerForKCoversEverySmallerKButNotALargerOne() {
        cache.putKnown("S10_1678", 5, FIVE);

        assertThat(cache.get("S10_1678", 3)).hasValueSatisfying(n -> {
            assertThat(n.inCatalog()).isTrue();
            assertThat(n.items()).isEqualTo(FIVE.subList(0, 3));
        });
        assertThat(cache.get("S10_1678", 5).orElseThrow().items()).isEqualTo(FIVE);
        assertThat(cache.get("S10_1678", 6)).isEmpty();
        assertThat(cache.get("S24_2000", 1)).isEmpty();
    }

    @Test
    void aCatalogWithFewerNeighboursThanAskedAnswersAnyLargerK() {
        cache.putKnown("S10_1678", 10, FIVE);

        assertThat(cache.get("S10_1678", 50).orElseThrow().items()).isEqualTo(FIVE);
    }

    @Test
    void anItemTheCatalogLacksIsRememberedForEveryK() {
        cache.putUnknown("S99_0000");

        assertThat(cache.get("S99_0000", 100)).hasValueSatisfying(n -> {
            assertThat(n.inCatalog()).isFalse();
            assertThat(n.items()).isEmpty();
        });
    }
}
