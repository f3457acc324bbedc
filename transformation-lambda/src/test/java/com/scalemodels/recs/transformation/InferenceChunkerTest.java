package com.scalemodels.recs.transformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalemodels.recs.enrichment.Recommendation;
import com.scalemodels.recs.enrichment.SimilarItems;
import com.scalemodels.recs.inference.contract.InferenceCodec;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.contract.SessionResult;
import com.scalemodels.recs.session.DecodeResult;
import com.scalemodels.recs.session.SessionDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class InferenceChunkerTest {

    private final InferenceChunker chunker = InferenceChunker.standard(InferenceSettings.DEFAULT);

    @Test
    void oneChunkForAnOrdinaryBatch() {
        List<InferenceChunker.Item> items = Collections.nCopies(3_000, new InferenceChunker.Item(330, "s000001"));

        assertThat(chunker.plan(items)).containsExactly(new InferenceChunker.Chunk(0, 3_000));
    }

    @Test
    void splitsIntoConsecutiveChunksUnderTheLimit() {
        List<InferenceChunker.Item> items = Collections.nCopies(9_000, new InferenceChunker.Item(300, "s000001"));

        List<InferenceChunker.Chunk> plan = chunker.plan(items);

        assertThat(plan).hasSizeGreaterThan(1);
        assertThat(plan.get(0).from()).isZero();
        assertThat(plan.get(plan.size() - 1).to()).isEqualTo(9_000);
        for (int i = 1; i < plan.size(); i++) {
            assertThat(plan.get(i).from()).isEqualTo(plan.get(i - 1).to());
        }
        for (InferenceChunker.Chunk c : plan) {
            long response = InferenceChunker.ENVELOPE_BYTES + c.size() * chunker.responseBytes("s000001");
            long request = InferenceChunker.ENVELOPE_BYTES + c.size() * InferenceChunker.requestBytes(300);
            assertThat(response).isLessThanOrEqualTo(InferenceChunker.DEFAULT_MAX_CHUNK_BYTES);
            assertThat(request).isLessThanOrEqualTo(InferenceChunker.DEFAULT_MAX_CHUNK_BYTES);
        }
    }

    @Test
    void largeSessionsSplitOnRequestSize() {
        List<InferenceChunker.Item> items = Collections.nCopies(200, new InferenceChunker.Item(60_000, "s1"));

        assertThat(chunker.plan(items)).hasSize(3); // 91 × 60,128 bytes fit in 5.5 MB
    }

    @Test
    void noSessionsNoChunks() {
        assertThat(chunker.plan(List.of())).isEmpty();
    }

    @Test
    void requestBoundHoldsForSessionsThatGrowWhenReEncoded() {
        SessionDecoder decoder = new SessionDecoder();
        InferenceCodec codec = new InferenceCodec();
        List<String> sessions = List.of(
                "{\"session_id\":\"a\",\"customer_number\":1,\"browse_history\":[]}",
                "{\"session_id\":\"a\",\"customer_number\":1,\"credit_limit\":1e9,\"browse_history\":[]}",
                "{\"session_id\":\"a\",\"customer_number\":1,\"credit_limit\":1.2345678901234567e8,"
                        + "\"browse_history\":[{\"product_code\":\"p\",\"quantity\":-0,\"in_shopping_cart\":true}]}",
                "{\"session_id\":\"\\u0001\\n\",\"customer_number\":1,\"credit_limit\":0,\"browse_history\":[]}",
                "{\"session_id\":\"a\",\"customer_number\":1,\"credit_limit\":1e-300,\"browse_history\":[]}");
        for (String json : sessions) {
            DecodeResult.Valid valid = (DecodeResult.Valid) decoder.decode(TestEvents.utf8(json));
            int empty = codec.writeRequest(new InferenceRequest("r", 10, 5, List.of())).length;
            int one = codec.writeRequest(new InferenceRequest("r", 10, 5, List.of(valid.event()))).length;

            assertThat((long) one - empty).as(json).isLessThanOrEqualTo(InferenceChunker.requestBytes(json.length()));
        }
    }

    @Test
    void responseEstimateCoversFullLengthScoresAndCodes() {
        InferenceCodec codec = new InferenceCodec();
        List<Recommendation> items = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            items.add(new Recommendation("S700_1234567890", -2.2250738585072014E-308));
        }
        String id = "session-0123456789";
        SessionResult result = SessionResult.ok(99_999, id, items.subList(0, 10),
                new SimilarItems("S700_1234567890", items.subList(10, 15)));
        int empty = codec.writeResponse(new InferenceResponse("v", List.of())).length;
        int one = codec.writeResponse(new InferenceResponse("v", List.of(result))).length;

        assertThat((long) one - empty).isLessThanOrEqualTo(chunker.responseBytes(id));
    }
}
