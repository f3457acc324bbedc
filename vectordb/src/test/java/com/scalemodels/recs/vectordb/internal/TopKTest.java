package com.scalemodels.recs.vectordb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void keepsTheBestKByScoreThenSmallerIdWhateverTheOrderOffered() {
        String[] ids = IntStream.range(0, 1000).mapToObj(i -> String.format("I%04d", 999 - i)).toArray(String[]::new);
        float[] scores = new float[ids.length];
        Random random = new Random(3);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(50) / 10f; // many ties
        }
        Comparator<Integer> best = Comparator.<Integer>comparingDouble(r -> -scores[r])
                .thenComparing(r -> ids[r]);
        List<Integer> expected = IntStream.range(0, ids.length).boxed().sorted(best).limit(25).toList();
        for (int trial = 0; trial < 5; trial++) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, ids.length).boxed().toList());
            java.util.Collections.shuffle(order, new Random(trial));
            TopK top = new TopK(25, ids);
            for (int row : order) {
                if (scores[row] >= top.threshold()) {
                    top.offer(row, scores[row]);
                }
            }
            List<Integer> kept = IntStream.range(0, top.size()).map(top::row).boxed().sorted(best).toList();
            assertThat(kept).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theThresholdIsOpenUntilFullThenTheWorstKeptScore() {
        TopK top = new TopK(2, new String[] {"a", "b", "c"});
        assertThat(top.threshold()).isEqualTo(Float.NEGATIVE_INFINITY);
        top.offer(0, 1f);
        assertThat(top.threshold()).isEqualTo(Float.NEGATIVE_INFINITY);
        top.offer(1, 3f);
        assertThat(top.threshold()).isEqualTo(1f);
        top.offer(2, 2f);
        assertThat(top.threshold()).isEqualTo(2f);
        assertThat(top.size()).isEqualTo(2);
    }
}
