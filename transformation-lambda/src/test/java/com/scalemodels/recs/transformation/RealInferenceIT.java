package com.scalemodels.recs.transformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalemodels.recs.enrichment.Recommendation;
import com.scalemodels.recs.inference.InProcessInferenceClient;
import com.scalemodels.recs.inference.InferenceRuntime;
import com.scalemodels.recs.inference.SampleCatalog;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.contract.InferenceUnavailableException;
import com.scalemodels.recs.inference.contract.SessionResult;
import com.scalemodels.recs.session.DecodeResult;
import com.scalemodels.recs.session.SessionDecoder;
import com.scalemodels.recs.session.SessionEvent;
import com.scalemodels.recs.testing.LocalDatabases;
import com.scalemodels.recs.testing.LogCapture;
import com.scalemodels.recs.testing.LogSchemaCheck;
import com.scalemodels.recs.testing.TestLambdaContext;
import com.scalemodels.recs.testing.TcpProxy;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real handler on the real inference service (sample DJL model, real pgvector), with no AWS. */
class RealInferenceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private static FirehoseTransformationHandler handler(InferenceRuntime runtime) {
        return new FirehoseTransformationHandler(
                FirehoseBatchProcessor.standard(new InProcessInferenceClient(runtime.service())),
                new BatchMetrics(new CapturingMetricsEnvironment(), "Recs/Test", "recs-transformation"));
    }

    private static KinesisFirehoseEvent sampleEvent() {
        return EventLoader.loadKinesisFirehoseEvent(
                SampleCatalog.REPO.resolve("samples/events/firehose-kinesis-event.json").toString());
    }

    @Test
    void outputRecordsAreTheInputPlusTheInferenceServicesAnswers() throws Exception {
        try (SampleCatalog catalog = new SampleCatalog("transformation_e2e");
             InferenceRuntime runtime = InferenceRuntime.start(SampleCatalog.config(catalog.vectorDb(), work))) {
            KinesisFirehoseEvent event = sampleEvent();
            List<SessionEvent> sessions = new ArrayList<>();
            SessionDecoder decoder = new SessionDecoder();
            for (KinesisFirehoseEvent.Record record : event.getRecords()) {
                sessions.add(((DecodeResult.Valid) decoder.decode(bytes(record.getData()))).event());
            }
            InferenceResponse expected = runtime.service().recommend(new InferenceRequest("expected", 10, 5, sessions));

            FirehoseResponse response = handler(runtime).handleRequest(event, null);

            assertThat(response.records()).hasSize(event.getRecords().size());
            for (int i = 0; i < response.records().size(); i++) {
                FirehoseResponseRecord out = response.records().get(i);
                assertThat(out.recordId()).isEqualTo(event.getRecords().get(i).getRecordId());
                assertThat(out.result()).isEqualTo(FirehoseResult.Ok);
                String line = new String(Base64.getDecoder().decode(out.data()), StandardCharsets.UTF_8);
                assertThat(line).endsWith("\n");
                JsonNode output = JSON.readTree(line);
                JsonNode input = JSON.readTree(bytes(event.getRecords().get(i).getData()));
                for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    assertThat(output.get(field.getKey())).as(field.getKey()).isEqualTo(field.getValue());
                }
                SessionResult answer = expected.results().get(i);
                assertThat(output.get("model_version").asText()).isEqualTo(expected.modelVersion());
                assertItems(output.get("recommended_items"), answer.recommendedItems());
                if (answer.similarItems() == null) {
                    assertThat(output.get("similar_items").isNull()).isTrue();
                } else {
                    assertThat(output.get("similar_items").get("product_code").asText())
                            .isEqualTo(answer.similarItems().productCode());
                    assertItems(output.get("similar_items").get("similar_items"), answer.similarItems().similarItems());
                }
            }
        }
    }

    @Test
    void bothSidesOfOneBatchLogTheFirehoseInvocationIdAsCorrelationId() throws Exception {
        try (SampleCatalog catalog = new SampleCatalog("transformation_logs");
             InferenceRuntime runtime = InferenceRuntime.start(SampleCatalog.config(catalog.vectorDb(), work))) {
            KinesisFirehoseEvent event = sampleEvent();
            FirehoseTransformationHandler handler = handler(runtime);
            TestLambdaContext context = new TestLambdaContext("recs-transformation", "12", "req-1");

            List<JsonNode> lines = LogSchemaCheck.parse(
                    LogCapture.run("logback.xml", () -> handler.handleRequest(event, context)).stdout());

            LogSchemaCheck.assertSchema(lines, "transformation");
            List<JsonNode> done = LogSchemaCheck.event(lines, "batch_done");
            JsonNode transformation = done.stream()
                    .filter(l -> l.path("logger").asText().endsWith("FirehoseTransformationHandler")).findFirst()
                    .orElseThrow();
            JsonNode inference = done.stream()
                    .filter(l -> l.path("logger").asText().endsWith("BatchInferenceHandler")).findFirst()
                    .orElseThrow();
            assertThat(transformation.path("correlation_id").asText()).isEqualTo(event.getInvocationId());
            assertThat(inference.path("correlation_id").asText()).isEqualTo(event.getInvocationId());
            assertThat(inference.path("sessions").asInt()).isEqualTo(event.getRecords().size());
            assertThat(inference.path("model_version").asText()).isNotBlank();
            assertThat(transformation.path("records_ok").asInt()).isEqualTo(event.getRecords().size());
        }
    }

    /**
     * Ranking with pgvector ({@code RECS_IN_MEMORY_CATALOG_MB=0}); with the catalog in memory batches go on through
     * an outage instead (InferenceOutageIT).
     */
    @Test
    void vectorDbOutageMidStreamFailsTheInvocationSoFirehoseRetries() throws Exception {
        URI pg = URI.create(LocalDatabases.postgres().url().substring("jdbc:".length()));
        try (SampleCatalog catalog = new SampleCatalog("transformation_outage");
             TcpProxy proxy = new TcpProxy(pg.getHost(), pg.getPort());
             InferenceRuntime runtime = InferenceRuntime.start(SampleCatalog.config(
                     catalog.vectorDb(proxy.rewrite(LocalDatabases.postgres().url())), work, 0))) {
            FirehoseTransformationHandler handler = handler(runtime);
            assertThat(handler.handleRequest(sampleEvent(), null).records())
                    .allMatch(r -> r.result() == FirehoseResult.Ok);

            proxy.cut();

            assertThatThrownBy(() -> handler.handleRequest(sampleEvent(), null))
                    .isInstanceOf(InferenceUnavailableException.class);
        }
    }

    private static void assertItems(JsonNode items, List<Recommendation> expected) {
        assertThat(items).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(items.get(i).get("product_code").asText()).isEqualTo(expected.get(i).productCode());
            assertThat(items.get(i).get("score").asDouble()).isEqualTo(expected.get(i).score());
        }
    }

    private static byte[] bytes(ByteBuffer data) {
        ByteBuffer copy = data.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
