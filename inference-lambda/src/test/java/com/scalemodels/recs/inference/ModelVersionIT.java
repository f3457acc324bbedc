package com.scalemodels.recs.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.recommend.ItemCatalog;
import com.scalemodels.recs.inference.contract.InferenceUnavailableException;
import com.scalemodels.recs.vectordb.ModelVersionMismatchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loader swaps another model version in while this function still runs the sample towers: every path refuses
 * (batches fail so Firehose retries, HTTP answers 503) instead of ranking old-model users against new-model items,
 * and serving resumes as soon as the database's live version is the loaded one again.
 */
class ModelVersionIT {

    @TempDir
    Path work;

    @Test
    void refusesWhileTheDatabaseServesAnotherModelVersionAndResumesAfterwards() throws Exception {
        try (SampleCatalog catalog = new SampleCatalog("version_it");
             InferenceRuntime runtime = InferenceRuntime.start(SampleCatalog.config(catalog.vectorDb(), work),
                     Duration.ZERO)) {
            HttpInferenceHandler handler = new HttpInferenceHandler(runtime);
            String item = Files.readAllLines(SampleCatalog.ARTIFACTS.resolve("embeddings/item_embeddings.csv")).get(1)
                    .split(",")[0];
            InferenceRequest request = new InferenceRequest("swap", 10, 5, SampleModelIT.sampleSessions().subList(0, 10));
            String loaded = SampleCatalog.modelVersion();
            assertThat(runtime.service().recommend(request).modelVersion()).isEqualTo(loaded);

            catalog.serveVersion("classicmodels-next");

            assertThatThrownBy(() -> runtime.service().recommend(request))
                    .isInstanceOfSatisfying(ModelVersionMismatchException.class, e -> {
                        assertThat(e.loaded()).isEqualTo(loaded);
                        assertThat(e.live()).isEqualTo("classicmodels-next");
                    });
            assertThatThrownBy(() -> new InProcessInferenceClient(runtime.service()).recommend(request))
                    .isInstanceOf(InferenceUnavailableException.class)
                    .hasMessageContaining("classicmodels-next");
            JsonNode http = Events.invoke(handler, Events.http("GET", "/items_from_item", Map.of("item_id", item),
                    null));
            assertThat(http.get("statusCode").asInt()).isEqualTo(503);
            assertThat(http.get("body").asText()).contains("model version " + loaded).doesNotContain("Exception");

            catalog.serveVersion(loaded);

            assertThat(runtime.service().recommend(request).results()).hasSize(10);
            JsonNode again = Events.invoke(handler, Events.http("GET", "/items_from_item",
                    Map.of("item_id", item), null));
            assertThat(again.get("statusCode").asInt()).isEqualTo(200);
        }
    }

    /**
     * The in-memory copy taken at init holds the previous model's items (renamed here so any of them would show):
     * once the database serves the towers' version the next request copies the catalog again, and no item of the
     * previous version reaches an answer.
     */
    @ParameterizedTest
    @ValueSource(ints = {InferenceConfig.DEFAULT_IN_MEMORY_CATALOG_MB, 0})
    void startsEvenWhenTheDatabaseIsNotOnItsModelVersionYet(int inMemoryCatalogMb) throws Exception {
        try (SampleCatalog catalog = new SampleCatalog("version_init_it")) {
            catalog.suffixItemIds("_prev");
            catalog.serveVersion("classicmodels-previous");
            try (InferenceRuntime runtime = InferenceRuntime.start(SampleCatalog.config(catalog.vectorDb(), work,
                    inMemoryCatalogMb), Duration.ZERO)) {
                assertThat(runtime.catalog().mode()).isEqualTo(inMemoryCatalogMb == 0 ? ItemCatalog.Mode.PGVECTOR
                        : ItemCatalog.Mode.IN_MEMORY);
                InferenceRequest request = new InferenceRequest("early", 10, 5,
                        SampleModelIT.sampleSessions().subList(0, 3));
                assertThatThrownBy(() -> runtime.service().recommend(request))
                        .isInstanceOf(ModelVersionMismatchException.class);
                catalog.removeItemIdSuffix("_prev");
                catalog.serveVersion(SampleCatalog.modelVersion());

                InferenceResponse response = runtime.service().recommend(request);
                assertThat(response.results()).hasSize(3).allSatisfy(r -> {
                    assertThat(r.hasError()).isFalse();
                    assertThat(r.recommendedItems()).hasSize(10)
                            .noneMatch(item -> item.productCode().endsWith("_prev"));
                    assertThat(r.similarItems().similarItems()).hasSize(5)
                            .noneMatch(item -> item.productCode().endsWith("_prev"));
                });
            }
        }
    }
}
