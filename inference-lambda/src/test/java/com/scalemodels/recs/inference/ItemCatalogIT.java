package com.scalemodels.recs.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalemodels.recs.inference.recommend.ItemCatalog;
import com.scalemodels.recs.model.Distance;
import com.scalemodels.recs.testing.LogCapture;
import com.scalemodels.recs.testing.LogSchemaCheck;
import com.scalemodels.recs.vectordb.ModelVersionMismatchException;
import com.scalemodels.recs.vectordb.ScoredItem;
import com.scalemodels.recs.vectordb.SimilarityClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The catalog's choice between the in-memory copy and pgvector, on the local PostgreSQL: over the budget it ranks
 * with pgvector (same answers), and a copy of another model version is copied again, or refuses, but never serves.
 */
class ItemCatalogIT {

    private static final int DIM = 32;

    private static SimilarityClient client(SampleCatalog catalog) {
        return SimilarityClient.create(catalog.vectorDb(), Distance.INNER_PRODUCT, Distance.COSINE, DIM);
    }

    @Test
    void aCatalogOverTheBudgetIsRankedByPgvectorWithTheSameAnswers() throws Exception {
        try (SampleCatalog catalog = new SampleCatalog("catalog_budget_it");
             SimilarityClient database = client(catalog)) {
            // 110 + 3,000 items × 504 bytes ≈ 1.5 MiB: over a 1 MiB budget, under the default one.
            catalog.addRandomUnitItems(3_000, 5, "R");
            String version = SampleCatalog.modelVersion();
            ItemCatalog[] opened = new ItemCatalog[2];
            LogCapture.Captured logs = LogCapture.run("logback.xml", () -> {
                opened[0] = ItemCatalog.open(database, version, 1, 2);
                opened[1] = ItemCatalog.open(database, version, 1536, 2);
            });
            try (ItemCatalog small = opened[0]; ItemCatalog large = opened[1]) {
                assertThat(small.mode()).isEqualTo(ItemCatalog.Mode.PGVECTOR);
                assertThat(large.mode()).isEqualTo(ItemCatalog.Mode.IN_MEMORY);
                assertThat(large.copiedItems()).isEqualTo(3_110);

                List<JsonNode> lines = LogSchemaCheck.parse(logs.stdout());
                LogSchemaCheck.assertSchema(lines, "inference");
                List<JsonNode> ready = lines.stream()
                        .filter(l -> l.path("event").asText().equals("retrieval_ready")).toList();
                assertThat(ready).hasSize(2);
                assertThat(ready.get(0).get("retrieval").asText()).isEqualTo("pgvector");
                assertThat(ready.get(0).get("catalog_items").asLong()).isEqualTo(3_110);
                assertThat(ready.get(0).get("message").asText()).contains("3110 items").contains("over the budget of 1 MiB");
                assertThat(ready.get(1).get("retrieval").asText()).isEqualTo("in_memory");
                assertThat(ready.get(1).get("catalog_items").asLong()).isEqualTo(3_110);

                Random random = new Random(9);
                List<float[]> queries = new ArrayList<>();
                List<Set<String>> exclude = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    float[] q = new float[DIM];
                    for (int d = 0; d < DIM; d++) {
                        q[d] = (float) random.nextGaussian();
                    }
                    queries.add(q);
                    exclude.add(Set.of("R000000" + i, "S10_1264"));
                }
                // No HNSW index in the sample catalog: pgvector scans exactly, so the two must agree to the id.
                assertSameRankings(small.itemsForVectors(queries, exclude, 10),
                        large.itemsForVectors(queries, exclude, 10));
                Map<String, List<ScoredItem>> similarSmall = small.similarItems(List.of("S10_1264", "R0000007"), 5);
                Map<String, List<ScoredItem>> similarLarge = large.similarItems(List.of("S10_1264", "R0000007"), 5);
                assertThat(similarLarge.keySet()).containsExactlyElementsOf(similarSmall.keySet());
                for (String seed : similarSmall.keySet()) {
                    assertSameRankings(List.of(similarSmall.get(seed)), List.of(similarLarge.get(seed)));
                }
            }
        }
    }

    @Test
    void aCopyOfAnotherModelVersionIsCopiedAgainAndNeverServed() throws Exception {
        try (SampleCatalog catalog = new SampleCatalog("catalog_version_it");
             SimilarityClient database = client(catalog)) {
            String towers = SampleCatalog.modelVersion();
            // The function starts before the loader swapped its version in: the table is another model's.
            catalog.suffixItemIds("_prev");
            catalog.serveVersion("classicmodels-previous");
            try (ItemCatalog items = ItemCatalog.open(database, towers, 1536, 2)) {
                assertThat(items.mode()).isEqualTo(ItemCatalog.Mode.IN_MEMORY);
                float[] query = new float[DIM];
                query[0] = 1;

                // Copied again on the call, still the other version: refused, not served.
                assertThatThrownBy(() -> items.itemsForVectors(List.of(query), List.of(), 10))
                        .isInstanceOfSatisfying(ModelVersionMismatchException.class, e -> {
                            assertThat(e.loaded()).isEqualTo(towers);
                            assertThat(e.live()).isEqualTo("classicmodels-previous");
                        });
                assertThatThrownBy(() -> items.itemEmbeddings(List.of("S10_1264_prev")))
                        .isInstanceOf(ModelVersionMismatchException.class);

                catalog.removeItemIdSuffix("_prev");
                catalog.serveVersion(towers);

                List<ScoredItem> served = items.itemsForVectors(List.of(query), List.of(), 10).get(0);
                assertThat(served).hasSize(10).noneMatch(i -> i.id().endsWith("_prev"));
                assertSameRankings(List.of(served), database.itemsForVectors(List.of(query), List.of(), 10));
                assertThat(items.itemEmbeddings(List.of("S10_1264"))).containsOnlyKeys("S10_1264");
            }
        }
    }

    private static void assertSameRankings(List<List<ScoredItem>> actual, List<List<ScoredItem>> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int q = 0; q < expected.size(); q++) {
            assertThat(actual.get(q)).extracting(ScoredItem::id)
                    .containsExactlyElementsOf(expected.get(q).stream().map(ScoredItem::id).toList());
            for (int i = 0; i < expected.get(q).size(); i++) {
                assertThat(actual.get(q).get(i).score()).isCloseTo(expected.get(q).get(i).score(),
                        org.assertj.core.api.Assertions.within(1e-5));
            }
        }
    }
}
