package com.scalemodels.recs.transformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceUnavailableException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirehoseBatchProcessorTest {

    private static List<InputRecord> records(List<byte[]> data) {
        List<InputRecord> records = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            records.add(new InputRecord(TestEvents.recordId(i), data.get(i)));
        }
        return records;
    }

    /** Sessions of ~330 bytes up to about {@code bytes} in total. */
    private static List<byte[]> sessionsOfTotal(int bytes) {
        List<byte[]> data = new ArrayList<>();
        int total = 0;
        for (int n = 0; total < bytes; n++) {
            byte[] s = TestEvents.session(n, 3);
            data.add(s);
            total += s.length;
        }
        return data;
    }

    private static void assertEveryRecordAnsweredOnceInOrder(List<InputRecord> in, BatchResult result) {
        List<String> expected = in.stream().map(InputRecord::recordId).toList();
        assertThat(result.response().records()).extracting(FirehoseResponseRecord::recordId)
                .containsExactlyElementsOf(expected);
        assertThat(result.failureReasons()).hasSameSizeAs(in);
    }

    @Test
    void enrichesValidSessionsWithOneInvokeAndKeepsTheirOriginalFields() {
        FakeInferenceClient fake = FakeInferenceClient.standard();
        List<InputRecord> in = records(List.of(TestEvents.session(1, 2),
                TestEvents.utf8("{\"session_id\":\"x\",\"customer_number\":7,\"browse_history\":[],\"extra\":1.50}")));

        BatchResult result = FirehoseBatchProcessor.standard(fake).process("inv-1", in);

        assertThat(fake.requests).hasSize(1);
        InferenceRequest request = fake.requests.get(0);
        assertThat(request.requestId()).isEqualTo("inv-1/0");
        assertThat(request.k()).isEqualTo(10);
        assertThat(request.similarK()).isEqualTo(5);
        assertThat(result.response().records()).extracting(FirehoseResponseRecord::result)
                .containsExactly(FirehoseResult.Ok, FirehoseResult.Ok);
        String line = TestEvents.utf8(Base64.getDecoder().decode(result.response().records().get(1).data()));
        assertThat(line).startsWith("{\"session_id\":\"x\",\"customer_number\":7,\"browse_history\":[],"
                + "\"extra\":1.50,\"recommended_items\":[{\"product_code\":");
        assertThat(line).endsWith(",\"similar_items\":null,\"model_version\":\"" + FakeInferenceClient.MODEL_VERSION
                + "\"}\n");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        JsonNode first = TestEvents.tree(Base64.getDecoder().decode(result.response().records().get(0).data()));
        assertThat(first.get("recommended_items")).hasSize(10);
        assertThat(first.get("similar_items").get("similar_items")).hasSize(5);
        assertThat(result.stats().records().ok()).isEqualTo(2);
        assertThat(result.stats().inference().chunks()).isEqualTo(1);
    }

    @Test
    void partialInferenceErrorsFailOnlyThoseRecords() {
        FakeInferenceClient fake = FakeInferenceClient.failingFor(s -> s.sessionId().equals("s2"));
        List<InputRecord> in = records(List.of(TestEvents.session(1, 1), TestEvents.session(2, 1),
                TestEvents.session(3, 1)));

        BatchResult result = FirehoseBatchProcessor.standard(fake).process("inv", in);

        assertThat(result.response().records()).extracting(FirehoseResponseRecord::result)
                .containsExactly(FirehoseResult.Ok, FirehoseResult.ProcessingFailed, FirehoseResult.Ok);
        assertThat(result.failureReasons().get(1)).isEqualTo("inference: customer 102: no user embedding");
        assertThat(Base64.getDecoder().decode(result.response().records().get(1).data())).isEqualTo(in.get(1).data());
    }

    @Test
    void badRecordsFailAloneWithTheirOriginalBytes() {
        byte[] notJson = TestEvents.utf8("customer 103 looked at S10_1678");
        List<InputRecord> in = records(List.of(notJson, TestEvents.session(1, 1)));

        BatchResult result = FirehoseBatchProcessor.standard(FakeInferenceClient.standard()).process("inv", in);

        assertThat(result.response().records().get(0).result()).isEqualTo(FirehoseResult.ProcessingFailed);
        assertThat(result.response().records().get(0).data()).isEqualTo(Base64.getEncoder().encodeToString(notJson));
        assertThat(result.failureReasons().get(0)).contains("JSON");
        assertThat(result.response().records().get(1).result()).isEqualTo(FirehoseResult.Ok);
    }

    @Test
    void inferenceOutageFailsTheWholeBatchWithOneClearError() {
        List<InputRecord> in = records(List.of(TestEvents.session(1, 1)));

        assertThatThrownBy(() -> FirehoseBatchProcessor.standard(FakeInferenceClient.unavailable())
                .process("inv-42", in))
                .isInstanceOf(InferenceUnavailableException.class)
                .hasMessage("Firehose invocation inv-42 failed: inference unavailable for chunk 1 of 1 (vector DB "
                        + "unreachable (connection refused)); Firehose retries the whole batch");
    }

    @Test
    void duplicateRecordIdsAreAnsweredOncePerOccurrenceInOrder() {
        List<InputRecord> in = List.of(new InputRecord("dup", TestEvents.session(1, 1)),
                new InputRecord("other", TestEvents.utf8("[]")), new InputRecord("dup", TestEvents.session(2, 1)));

        BatchResult result = FirehoseBatchProcessor.standard(FakeInferenceClient.standard()).process("inv", in);

        assertThat(result.response().records()).extracting(FirehoseResponseRecord::recordId, FirehoseResponseRecord::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dup", FirehoseResult.Ok),
                        org.assertj.core.groups.Tuple.tuple("other", FirehoseResult.ProcessingFailed),
                        org.assertj.core.groups.Tuple.tuple("dup", FirehoseResult.Ok));
        assertThat(TestEvents.tree(Base64.getDecoder().decode(result.response().records().get(2).data()))
                .get("session_id").asText()).isEqualTo("s2");
    }

    @Test
    void emptyBatchAndAllInvalidBatchCallNoInference() {
        FakeInferenceClient fake = FakeInferenceClient.standard();
        FirehoseBatchProcessor processor = FirehoseBatchProcessor.standard(fake);

        assertThat(processor.process("inv", List.of()).response().records()).isEmpty();
        assertThat(processor.process("inv", records(List.of(TestEvents.utf8("{}")))).response().records())
                .extracting(FirehoseResponseRecord::result).containsExactly(FirehoseResult.ProcessingFailed);
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void oneMegabyteBatchIsOneInvokeAndFitsTheResponse() {
        FakeInferenceClient fake = FakeInferenceClient.standard();
        List<InputRecord> in = records(sessionsOfTotal(1_000_000));

        BatchResult result = FirehoseBatchProcessor.standard(fake).process("inv", in);

        assertThat(fake.requests).hasSize(1);
        assertEveryRecordAnsweredOnceInOrder(in, result);
        assertThat(result.response().records()).allMatch(r -> r.result() == FirehoseResult.Ok);
        assertThat(TestEvents.responseJson(result.response()).length).isLessThanOrEqualTo(6_000_000);
    }

    @Test
    void outputThatWouldExceedSixMegabytesFailsTheOverflowWithOriginalBytes() {
        // 100 recommendations and 100 similar items of 15-character codes: ~12 KB per enriched record.
        FakeInferenceClient fake = FakeInferenceClient.verbose(100, 15);
        List<InputRecord> in = records(sessionsOfTotal(1_000_000));

        BatchResult result = FirehoseBatchProcessor.standard(fake).process("inv", in);

        byte[] json = TestEvents.responseJson(result.response());
        assertThat(json.length).isLessThanOrEqualTo(6_000_000);
        assertThat((long) json.length).isLessThanOrEqualTo(result.stats().bytes().responseBound());
        assertEveryRecordAnsweredOnceInOrder(in, result);
        List<FirehoseResponseRecord> out = result.response().records();
        assertThat(out.get(0).result()).isEqualTo(FirehoseResult.Ok);
        assertThat(out.get(out.size() - 1).result()).isEqualTo(FirehoseResult.ProcessingFailed);
        int failed = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).result() == FirehoseResult.ProcessingFailed) {
                failed++;
                assertThat(result.failureReasons().get(i)).isEqualTo("response size limit");
                assertThat(Base64.getDecoder().decode(out.get(i).data())).isEqualTo(in.get(i).data());
            } else {
                assertThat(TestEvents.tree(Base64.getDecoder().decode(out.get(i).data())).get("recommended_items"))
                        .hasSize(100);
            }
        }
        assertThat(failed).isGreaterThan(in.size() / 2);
        assertThat(json.length).isGreaterThan(5_900_000); // the budget is used, not wasted
    }

    @Test
    void chunksAreInvokedInOrderAndStitchedBack() {
        FakeInferenceClient fake = FakeInferenceClient.standard();
        InferenceSettings settings = InferenceSettings.DEFAULT;
        FirehoseBatchProcessor processor = new FirehoseBatchProcessor(fake, settings,
                new InferenceChunker(60_000, settings), ResponseSizeBudget.standard());
        List<byte[]> data = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            data.add(TestEvents.session(n, 1));
        }
        data.set(30, TestEvents.utf8("not json"));
        List<InputRecord> in = records(data);

        BatchResult result = processor.process("inv", in);

        assertThat(fake.requests).extracting(InferenceRequest::requestId).containsExactly("inv/0", "inv/1");
        assertThat(fake.requests.get(0).sessions().size() + fake.requests.get(1).sessions().size()).isEqualTo(59);
        assertEveryRecordAnsweredOnceInOrder(in, result);
        for (int n = 0; n < 60; n++) {
            FirehoseResponseRecord r = result.response().records().get(n);
            if (n == 30) {
                assertThat(r.result()).isEqualTo(FirehoseResult.ProcessingFailed);
            } else {
                assertThat(TestEvents.tree(Base64.getDecoder().decode(r.data())).get("session_id").asText())
                        .isEqualTo("s" + n);
            }
        }
        assertThat(result.stats().inference().chunks()).isEqualTo(2);
    }

    @Test
    void loneSurrogateEscapesPassThroughEscaped() {
        // Valid JSON text that has no UTF-8 form: Jackson writes it back as the same escape, nothing throws.
        byte[] loneSurrogate = TestEvents.utf8("{\"session_id\":\"a\",\"customer_number\":7,\"browse_history\":[],"
                + "\"note\":\"\\ud800\"}");
        List<InputRecord> in = records(List.of(loneSurrogate, TestEvents.session(1, 1)));

        BatchResult result = FirehoseBatchProcessor.standard(FakeInferenceClient.standard()).process("inv", in);

        assertEveryRecordAnsweredOnceInOrder(in, result);
        assertThat(result.response().records()).extracting(FirehoseResponseRecord::result)
                .containsExactly(FirehoseResult.Ok, FirehoseResult.Ok);
        assertThat(TestEvents.utf8(Base64.getDecoder().decode(result.response().records().get(0).data())))
                .contains("\"note\":\"\\uD800\"");
    }
}
