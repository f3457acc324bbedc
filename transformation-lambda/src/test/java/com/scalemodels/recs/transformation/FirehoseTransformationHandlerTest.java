package com.scalemodels.recs.transformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.inference.contract.InferenceUnavailableException;
import com.scalemodels.recs.testing.LogCapture;
import com.scalemodels.recs.testing.LogSchemaCheck;
import com.scalemodels.recs.testing.TestLambdaContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;

/** The real handler, fed by the Lambda runtime's own event deserialization, answering through its serializer. */
class FirehoseTransformationHandlerTest {

    private final CapturingMetricsEnvironment emf = new CapturingMetricsEnvironment();

    private FirehoseTransformationHandler handler(FakeInferenceClient fake) {
        return new FirehoseTransformationHandler(FirehoseBatchProcessor.standard(fake),
                new BatchMetrics(emf, "Recs/Test", "recs-transformation"));
    }

    static List<Path> firehoseEvents() {
        return SampleEvents.all("firehose-kinesis-event.json");
    }

    @ParameterizedTest
    @MethodSource("firehoseEvents")
    void enrichesEverySampleSessionInOrder(Path file) {
        KinesisFirehoseEvent event = EventLoader.loadKinesisFirehoseEvent(file.toString());
        FakeInferenceClient fake = FakeInferenceClient.standard();

        FirehoseResponse response = handler(fake).handleRequest(event, null);

        assertThat(fake.requests).hasSize(1);
        assertThat(fake.requests.get(0).requestId()).isEqualTo(event.getInvocationId() + "/0");
        assertThat(response.records()).extracting(FirehoseResponseRecord::recordId)
                .containsExactlyElementsOf(event.getRecords().stream().map(KinesisFirehoseEvent.Record::getRecordId)
                        .toList());
        for (int i = 0; i < response.records().size(); i++) {
            FirehoseResponseRecord out = response.records().get(i);
            assertThat(out.result()).isEqualTo(FirehoseResult.Ok);
            String line = new String(Base64.getDecoder().decode(out.data()), StandardCharsets.UTF_8);
            assertThat(line).endsWith("}\n");
            assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
            JsonNode enriched = TestEvents.tree(TestEvents.utf8(line));
            JsonNode original = TestEvents.tree(bytes(event.getRecords().get(i).getData()));
            List<String> keys = new ArrayList<>();
            enriched.fieldNames().forEachRemaining(keys::add);
            List<String> originalKeys = new ArrayList<>();
            original.fieldNames().forEachRemaining(originalKeys::add);
            assertThat(keys.subList(0, originalKeys.size())).isEqualTo(originalKeys);
            assertThat(keys.subList(originalKeys.size(), keys.size()))
                    .containsExactly("recommended_items", "similar_items", "model_version");
            for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                assertThat(enriched.get(field.getKey())).isEqualTo(field.getValue());
            }
            assertThat(enriched.get("recommended_items")).hasSize(10);
            assertThat(enriched.get("model_version").asText()).isEqualTo(FakeInferenceClient.MODEL_VERSION);
        }
    }

    @Test
    void ownSampleAnswersWithTheExactFirehoseJson() {
        KinesisFirehoseEvent event = EventLoader.loadKinesisFirehoseEvent(
                SampleEvents.own("firehose-kinesis-event.json").toString());

        byte[] json = TestEvents.responseJson(handler(FakeInferenceClient.standard()).handleRequest(event, null));

        JsonNode tree = TestEvents.tree(json);
        assertThat(tree.size()).isEqualTo(1);
        assertThat(tree.get("records")).hasSize(5);
        for (JsonNode r : tree.get("records")) {
            List<String> names = new ArrayList<>();
            r.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("recordId", "result", "data");
            assertThat(r.get("result").asText()).isEqualTo("Ok");
        }
        String first = new String(Base64.getDecoder().decode(tree.get("records").get(0).get("data").asText()),
                StandardCharsets.UTF_8);
        assertThat(first).startsWith("{\"session_id\":\"t-0001\",\"customer_number\":103,\"city\":\"Nantes\","
                + "\"country\":\"France\",\"credit_limit\":21000.0,\"browse_history\":[{\"product_code\":\"S10_1678\","
                + "\"quantity\":2,\"in_shopping_cart\":true},{\"product_code\":\"S24_2000\",\"quantity\":1,"
                + "\"in_shopping_cart\":false}],\"recommended_items\":[{\"product_code\":\"");
        assertThat(first).contains(",\"similar_items\":{\"product_code\":\"S10_1678\",\"similar_items\":[");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.scalemodels.recs.transformation.SampleEvents#malformedCases")
    void eachMalformedCaseGetsItsDocumentedOutcomeAndTheBatchGoesOn(SampleEvents.Case c) {
        List<String> ids = List.of(TestEvents.recordId(0), TestEvents.recordId(1), TestEvents.recordId(2));
        String valid = Base64.getEncoder().encodeToString(TestEvents.session(1, 2));
        String json = TestEvents.eventJson("inv-malformed", ids, List.of(valid, c.dataBase64(), valid));
        assertThat(c.data() == null).as("undecodable data ⇔ documented InvocationFailed")
                .isEqualTo(SampleEvents.Case.INVOCATION_FAILED.equals(c.expected()));
        if (c.data() == null) {
            // Firehose itself base64-encodes record data, so this cannot arrive; if it did, the runtime's
            // deserializer would reject the event before the handler runs (and Firehose would retry the batch).
            assertThatThrownBy(() -> TestEvents.parse(json)).hasMessageContaining(c.expectedReasonContains());
            return;
        }
        KinesisFirehoseEvent event = TestEvents.parse(json);
        FirehoseBatchProcessor processor = FirehoseBatchProcessor.standard(FakeInferenceClient.standard());

        BatchResult result = processor.process(event.getInvocationId(), List.of(
                new InputRecord(ids.get(0), bytes(event.getRecords().get(0).getData())),
                new InputRecord(ids.get(1), bytes(event.getRecords().get(1).getData())),
                new InputRecord(ids.get(2), bytes(event.getRecords().get(2).getData()))));
        FirehoseResponse viaHandler = handler(FakeInferenceClient.standard()).handleRequest(event, null);

        assertThat(viaHandler.records()).extracting(FirehoseResponseRecord::result)
                .containsExactly(FirehoseResult.Ok, c.expectedResult(), FirehoseResult.Ok);
        assertThat(viaHandler.records()).extracting(FirehoseResponseRecord::recordId).containsExactlyElementsOf(ids);
        if (c.expectedResult() == FirehoseResult.ProcessingFailed) {
            assertThat(viaHandler.records().get(1).data()).isEqualTo(c.dataBase64());
            assertThat(result.failureReasons().get(1)).containsIgnoringCase(c.expectedReasonContains());
        }
    }

    @Test
    void emptyBatchAnswersAnEmptyRecordList() {
        KinesisFirehoseEvent event = TestEvents.parse(TestEvents.eventJson("inv-empty", List.of(), List.of()));

        FirehoseResponse response = handler(FakeInferenceClient.standard()).handleRequest(event, null);

        assertThat(TestEvents.utf8(TestEvents.responseJson(response))).isEqualTo("{\"records\":[]}");
    }

    @Test
    void inferenceOutageFailsTheInvocationAndCountsIt() {
        KinesisFirehoseEvent event = TestEvents.event("inv-down", List.of(TestEvents.session(1, 1)));

        assertThatThrownBy(() -> handler(FakeInferenceClient.unavailable()).handleRequest(event, null))
                .isInstanceOf(InferenceUnavailableException.class)
                .hasMessageStartingWith("Firehose invocation inv-down failed: inference unavailable");
        JsonNode line = emf.lastLine();
        assertThat(line.get("InferenceUnavailable").asInt()).isEqualTo(1);
        assertThat(line.get("invocationId").asText()).isEqualTo("inv-down");
    }

    @Test
    void publishesBatchFiguresAsEmbeddedMetrics() {
        List<byte[]> data = List.of(TestEvents.session(1, 1), TestEvents.utf8("nope"), TestEvents.session(2, 2));
        KinesisFirehoseEvent event = TestEvents.event("inv-metrics", data);

        FirehoseResponse response = handler(FakeInferenceClient.standard()).handleRequest(event, null);

        assertThat(emf.lines).hasSize(1);
        JsonNode line = emf.lastLine();
        JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("Recs/Test");
        assertThat(directive.get("Dimensions").get(0)).hasSize(1);
        assertThat(directive.get("Dimensions").get(0).get(0).asText()).isEqualTo("FunctionName");
        List<String> metricNames = new ArrayList<>();
        directive.get("Metrics").forEach(m -> metricNames.add(m.get("Name").asText()));
        assertThat(metricNames).contains("RecordsOk", "RecordsProcessingFailed", "InferenceLatency", "BytesIn",
                "BytesOut");
        assertThat(line.get("FunctionName").asText()).isEqualTo("recs-transformation");
        assertThat(line.get("RecordsOk").asInt()).isEqualTo(2);
        assertThat(line.get("RecordsProcessingFailed").asInt()).isEqualTo(1);
        assertThat(line.get("BytesIn").asLong()).isEqualTo(data.stream().mapToLong(d -> d.length).sum());
        long bytesOut = response.records().stream().mapToLong(r -> Base64.getDecoder().decode(r.data()).length).sum();
        assertThat(line.get("BytesOut").asLong()).isEqualTo(bytesOut);
        assertThat(line.get("InferenceLatency").asDouble()).isGreaterThanOrEqualTo(0);
        directive.get("Metrics").forEach(m -> {
            if (m.get("Name").asText().equals("InferenceLatency")) {
                assertThat(m.get("Unit").asText()).isEqualTo("Milliseconds");
            }
        });

        // Quality drift figures, counted here from the Ok records the response carries.
        java.util.Set<String> recommended = new java.util.HashSet<>();
        java.util.Set<String> similar = new java.util.HashSet<>();
        int ok = 0;
        int withSeed = 0;
        for (var r : response.records()) {
            if (r.result() == FirehoseResult.Ok) {
                ok++;
                JsonNode out = TestEvents.tree(Base64.getDecoder().decode(r.data()));
                out.get("recommended_items").forEach(i -> recommended.add(i.get("product_code").asText()));
                if (out.get("similar_items").isObject()) {
                    withSeed++;
                    out.at("/similar_items/similar_items").forEach(i -> similar.add(i.get("product_code").asText()));
                }
            }
        }
        assertThat(metricNames).contains("SimilarSeedShare", "Top1Share", "DistinctItemsRecommended",
                "DistinctSimilarItems");
        assertThat(recommended).isNotEmpty();
        assertThat(line.get("DistinctItemsRecommended").asInt()).isEqualTo(recommended.size());
        assertThat(line.get("DistinctSimilarItems").asInt()).isEqualTo(similar.size());
        assertThat(line.get("SimilarSeedShare").asDouble()).isEqualTo(100.0 * withSeed / ok);
        directive.get("Metrics").forEach(m -> {
            if (m.get("Name").asText().equals("SimilarSeedShare")) {
                assertThat(m.get("Unit").asText()).isEqualTo("Percent");
            }
        });
    }

    @Test
    void lambdaEnvironmentWritesEachBatchAsOneJsonLineOnStdout() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new BatchMetrics(new LambdaEnvironment(), "Recs/Test", "fn")
                    .publish(new BatchStats("inv-stdout", new BatchStats.RecordCounts(3, 2),
                            new BatchStats.InferenceCalls(2, 1, 17), new BatchStats.ByteCounts(900, 1_800, 5_000),
                            new BatchStats.Served(2, 0.5, 7, 3, 0.5)));
        } finally {
            System.setOut(original);
        }

        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        JsonNode line = TestEvents.tree(TestEvents.utf8(lines[0]));
        assertThat(line.get("_aws").get("CloudWatchMetrics").get(0).get("Namespace").asText()).isEqualTo("Recs/Test");
        assertThat(line.get("RecordsOk").asInt()).isEqualTo(2);
        assertThat(line.get("InferenceLatency").asInt()).isEqualTo(17);
        assertThat(line.get("FunctionName").asText()).isEqualTo("fn");
        assertThat(line.get("SimilarSeedShare").asDouble()).isEqualTo(50.0);
        assertThat(line.get("DistinctItemsRecommended").asInt()).isEqualTo(7);
    }

    @Test
    void logsTheSchemaWithRejectedRecordsByIdAndReasonOnly() throws Exception {
        byte[] bad = TestEvents.utf8("{\"session_id\":\"s9\",\"customer_number\":\"228\",\"city\":\"Berlin\","
                + "\"country\":\"Germany\",\"credit_limit\":123456.0,\"browse_history\":[]}");
        TestLambdaContext context = new TestLambdaContext("recs-transformation", "12", "req-7");
        FirehoseTransformationHandler handler = handler(FakeInferenceClient.standard());

        String stdout = LogCapture.run("logback.xml",
                () -> handler.handleRequest(TestEvents.event("inv-log", List.of(bad)), context)).stdout();

        List<JsonNode> lines = LogSchemaCheck.parse(stdout);
        LogSchemaCheck.assertSchema(lines, "transformation");
        JsonNode rejected = LogSchemaCheck.event(lines, "record_rejected").get(0);
        assertThat(rejected.path("record_id").asText()).isEqualTo(TestEvents.recordId(0));
        assertThat(rejected.path("reason").asText()).isEqualTo("customer_number: expected an integer");
        JsonNode done = LogSchemaCheck.event(lines, "batch_done").get(0);
        LogSchemaCheck.assertInvocation(done, context, true);
        assertThat(List.of(rejected, done)).allSatisfy(l -> assertThat(l.path("correlation_id").asText())
                .isEqualTo("inv-log"));
        assertThat(done.path("records_in").asInt()).isEqualTo(1);
        assertThat(done.path("records_ok").asInt()).isZero();
        assertThat(done.path("records_failed").asInt()).isEqualTo(1);
        assertThat(done.path("duration_ms").isIntegralNumber()).isTrue();
        assertThat(done.path("inference_ms").isIntegralNumber()).isTrue();
        assertThat(stdout).doesNotContain("Berlin").doesNotContain("123456").doesNotContain("228");
    }

    @Test
    void initFailsNamingTheMissingVariable() {
        // The test JVM has no INFERENCE_FUNCTION_NAME: init must say so, not fail later.
        assertThatThrownBy(FirehoseTransformationHandler::new).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INFERENCE_FUNCTION_NAME");
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] b = new byte[view.remaining()];
        view.get(b);
        return b;
    }
}
