package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The id set against a HashMap over many rehashes: first line kept for every duplicate, new ids reported as new. */
class ByteIdSetTest {

    @Test
    void agreesWithAHashMapThroughManyRehashes() {
        Random random = new Random(99);
        ByteIdSet set = new ByteIdSet();
        Map<String, Integer> reference = new HashMap<>();
        for (int line = 2; line < 300_000; line++) {
            // A small id space gives plenty of duplicates; some ids differ only in length or a last byte.
            String id = "S" + random.nextInt(150_000) + (random.nextInt(10) == 0 ? "x" : "");
            byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
            Integer first = reference.putIfAbsent(id, line);
            assertThat(set.addOrGetLine(bytes, bytes.length, line)).as(id).isEqualTo(first == null ? 0 : first);
        }
        assertThat(set.size()).isEqualTo(reference.size());
    }
}
