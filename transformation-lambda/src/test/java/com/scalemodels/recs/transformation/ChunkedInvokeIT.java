package com.scalemodels.recs.transformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import com.scalemodels.recs.inference.contract.InferenceCodec;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch too large for one invoke goes out as exactly two, through the real handler, SDK client and a local
 * Lambda stub, and comes back stitched in input order.
 */
class ChunkedInvokeIT {

    @Test
    void batchNeedingTwoChunksMakesExactlyTwoInvokes() throws Exception {
        InferenceCodec codec = new InferenceCodec();
        // Short answers keep the Firehose response small; the chunker plans for full ones.
        FakeInferenceClient shortAnswers = FakeInferenceClient.verbose(1, 8);
        List<byte[]> data = new ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            data.add(TestEvents.session(n, 1));
        }
        InferenceChunker chunker = InferenceChunker.standard(InferenceSettings.DEFAULT);
        List<InferenceChunker.Item> items = new ArrayList<>();
        for (int n = 0; n < data.size(); n++) {
            items.add(new InferenceChunker.Item(data.get(n).length, "s" + n));
        }
        assertThat(chunker.plan(items)).hasSize(2);
        KinesisFirehoseEvent event = TestEvents.event("inv-chunks", data);

        try (LambdaInvokeStub stub = new LambdaInvokeStub(body -> LambdaInvokeStub.Reply.ok(
                codec.writeResponse(shortAnswers.answer(codec.readRequest(body)))))) {
            LambdaInferenceClient client = new LambdaInferenceClient(
                    LambdaInferenceClientIT.sdkClient(stub, Duration.ofSeconds(20), 1),
                    LambdaInferenceClientIT.FUNCTION, codec);
            FirehoseTransformationHandler handler = new FirehoseTransformationHandler(
                    FirehoseBatchProcessor.standard(client),
                    new BatchMetrics(new CapturingMetricsEnvironment(), "Recs/Test", "fn"));

            FirehoseResponse response = handler.handleRequest(event, null);

            assertThat(stub.received).hasSize(2);
            List<InferenceRequest> requests = stub.received.stream().map(r -> codec.readRequest(r.body())).toList();
            assertThat(requests).extracting(InferenceRequest::requestId).containsExactly("inv-chunks/0", "inv-chunks/1");
            assertThat(requests.get(0).sessions().size() + requests.get(1).sessions().size()).isEqualTo(5_000);
            assertThat(response.records()).hasSize(5_000);
            for (int n = 0; n < 5_000; n++) {
                FirehoseResponseRecord r = response.records().get(n);
                assertThat(r.recordId()).isEqualTo(TestEvents.recordId(n));
                assertThat(r.result()).isEqualTo(FirehoseResult.Ok);
                assertThat(TestEvents.tree(Base64.getDecoder().decode(r.data())).get("session_id").asText())
                        .isEqualTo("s" + n);
            }
        }
    }
}
