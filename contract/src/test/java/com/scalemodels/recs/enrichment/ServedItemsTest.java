package com.scalemodels.recs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServedItemsTest {

    private static List<Recommendation> items(String... codes) {
        return java.util.Arrays.stream(codes).map(c -> new Recommendation(c, 0.5)).toList();
    }

    @Test
    void countsDistinctProductsFirstPlacesAndSeeds() {
        ServedItems served = new ServedItems();
        served.add(items("A", "B", "C"), new SimilarItems("X", items("P", "Q")));
        served.add(items("A", "D"), null);
        served.add(items("E", "B"), new SimilarItems("Y", items("Q", "P", "R")));
        served.add(items(), new SimilarItems("Z", items()));

        assertThat(served.sessions()).isEqualTo(4);
        assertThat(served.sessionsWithSeed()).isEqualTo(3);
        assertThat(served.seedShare()).isEqualTo(0.75);
        assertThat(served.distinctRecommended()).isEqualTo(5);
        assertThat(served.distinctFirstRecommended()).isEqualTo(2);
        assertThat(served.top1Share()).as("A first in 2 of the 3 sessions with a list").isEqualTo(2 / 3.0);
        assertThat(served.catalogCoverage(10)).isEqualTo(0.5);
        assertThat(served.distinctSimilar()).isEqualTo(3);
        assertThat(served.distinctFirstSimilar()).isEqualTo(2);
    }

    @Test
    void nothingServedIsZeroNotNaN() {
        ServedItems served = new ServedItems();

        assertThat(served.seedShare()).isZero();
        assertThat(served.top1Share()).isZero();
        assertThat(served.catalogCoverage(0)).isZero();
    }
}
