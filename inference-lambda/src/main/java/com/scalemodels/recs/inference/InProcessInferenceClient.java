package com.scalemodels.recs.inference;

import com.scalemodels.recs.inference.contract.InferenceClient;
import com.scalemodels.recs.inference.contract.InferenceCodec;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.contract.InferenceUnavailableException;
import com.scalemodels.recs.inference.recommend.RecommendationService;
import com.scalemodels.recs.vectordb.VectorDbUnavailableException;

/**
 * The inference function without AWS: the deployed {@link BatchInferenceHandler}, called in-process with the
 * request and response as the same JSON bytes a Lambda invoke carries, so tests and the local runner exercise the
 * function's own decoding and the wire format too.
 */
public final class InProcessInferenceClient implements InferenceClient {

    private final BatchInferenceHandler handler;
    private final InferenceCodec codec = new InferenceCodec();

    public InProcessInferenceClient(RecommendationService service) {
        this.handler = new BatchInferenceHandler(service);
    }

    @Override
    public InferenceResponse recommend(InferenceRequest request) {
        byte[] response;
        try {
            response = handler.answer(codec.writeRequest(request));
        } catch (VectorDbUnavailableException e) {
            // What a Lambda invoke reports as a function error: the caller fails the batch and Firehose retries.
            throw new InferenceUnavailableException("inference failed: " + e.getMessage(), e);
        }
        return codec.readResponse(response).requireMatches(request);
    }
}
