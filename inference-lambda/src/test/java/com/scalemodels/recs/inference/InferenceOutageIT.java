package com.scalemodels.recs.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.contract.InferenceUnavailableException;
import com.scalemodels.recs.inference.recommend.ItemCatalog;
import com.scalemodels.recs.testing.LocalDatabases;
import com.scalemodels.recs.testing.TcpProxy;
import com.scalemodels.recs.vectordb.VectorDbUnavailableException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vector DB vanishes after init. Ranking with pgvector, every path fails fast and says so, nothing
 * half-answered. With the catalog in memory, batches go on from the copy (a database failover does not stop the
 * stream) and only what needs the database (stored user embeddings) answers 503.
 */
class InferenceOutageIT {

    @TempDir
    Path work;

    @Test
    void outageAfterInitFailsBatchesFastAndAnswersHttp503() throws Exception {
        URI pg = URI.create(LocalDatabases.postgres().url().substring("jdbc:".length()));
        try (SampleCatalog catalog = new SampleCatalog("outage_it");
             TcpProxy proxy = new TcpProxy(pg.getHost(), pg.getPort());
             InferenceRuntime runtime = InferenceRuntime.start(
                     SampleCatalog.config(catalog.vectorDb(proxy.rewrite(LocalDatabases.postgres().url())), work, 0))) {
            HttpInferenceHandler handler = new HttpInferenceHandler(runtime);
            InferenceRequest request = new InferenceRequest("outage", 10, 5, SampleModelIT.sampleSessions().subList(0, 10));
            assertThat(runtime.service().recommend(request).results()).hasSize(10);

            proxy.cut();

            long started = System.nanoTime();
            assertThatThrownBy(() -> runtime.service().recommend(request))
                    .isInstanceOf(VectorDbUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));

            assertThatThrownBy(() -> new InProcessInferenceClient(runtime.service()).recommend(request))
                    .isInstanceOf(InferenceUnavailableException.class);

            JsonNode http = Events.invoke(handler, Events.http("POST", "/items_from_user", Map.of(),
                    "{\"city\":\"Tokyo\",\"country\":\"Japan\",\"credit_limit\":1000}"));
            assertThat(http.get("statusCode").asInt()).isEqualTo(503);
            assertThat(http.get("body").asText()).contains("vector database unavailable").doesNotContain("Exception");
        }
    }

    @Test
    void withTheCatalogInMemoryBatchesGoOnThroughAnOutage() throws Exception {
        URI pg = URI.create(LocalDatabases.postgres().url().substring("jdbc:".length()));
        try (SampleCatalog catalog = new SampleCatalog("outage_memory_it");
             TcpProxy proxy = new TcpProxy(pg.getHost(), pg.getPort());
             InferenceRuntime runtime = InferenceRuntime.start(
                     SampleCatalog.config(catalog.vectorDb(proxy.rewrite(LocalDatabases.postgres().url())), work),
                     Duration.ZERO)) {
            assertThat(runtime.catalog().mode()).isEqualTo(ItemCatalog.Mode.IN_MEMORY);
            HttpInferenceHandler handler = new HttpInferenceHandler(runtime);
            InferenceRequest request = new InferenceRequest("outage", 10, 5, SampleModelIT.sampleSessions().subList(0, 10));
            InferenceResponse before = runtime.service().recommend(request);

            proxy.cut();

            // The version is asked on every call (recheck zero) and cannot be: each batch is still answered, alike,
            // after the pool's connection timeout (5 s).
            for (int i = 0; i < 2; i++) {
                long started = System.nanoTime();
                InferenceResponse during = runtime.service().recommend(request);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
                assertThat(during).isEqualTo(before);
            }
            JsonNode features = Events.invoke(handler, Events.http("POST", "/items_from_user", Map.of(),
                    "{\"city\":\"Tokyo\",\"country\":\"Japan\",\"credit_limit\":1000}"));
            assertThat(features.get("statusCode").asInt()).isEqualTo(200);
            JsonNode stored = Events.invoke(handler, Events.http("POST", "/items_from_user", Map.of(),
                    "{\"customer_number\":103}"));
            assertThat(stored.get("statusCode").asInt()).isEqualTo(503);
            assertThat(stored.get("body").asText()).contains("vector database unavailable");
        }
    }
}
