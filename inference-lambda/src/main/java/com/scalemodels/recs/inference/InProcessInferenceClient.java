package com.scalemodels.recs.inference;

import com.scalemodels.recs.inference.contract.InferenceClient;
import com.scalemodels.recs.inference.contract.InferenceCodec;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.recommend.RecommendationService;
import com.scalemodels.recs.vectordb.VectorDbUnavailableException;
import com.scalemodels.recs.inference.contract.InferenceUnavailableException;

/**
 * The inference function without AWS: the same service, called in-process, with the request and response going
 * through the same JSON codec as a Lambda invoke, so tests and the local runner exercise the wire format too.
 */
public final class InProcessInferenceClient implements InferenceClient {

    private final RecommendationService service;
    private final InferenceCodec codec = new InferenceCodec();

    public InProcessInferenceClient(RecommendationService service) {
        this.service = service;
    }

    @Override
    public InferenceResponse recommend(InferenceRequest request) {
        InferenceRequest received = codec.readRequest(codec.writeRequest(request));
        InferenceResponse response;
        try {
            response = service.recommend(received);
        } catch (VectorDbUnavailableException e) {
            // What a Lambda invoke reports as a function error: the caller fails the batch and Firehose retries.
            throw new InferenceUnavailableException("inference failed: " + e.getMessage(), e);
        }
        return codec.readResponse(codec.writeResponse(response)).requireMatches(request);
    }
}
