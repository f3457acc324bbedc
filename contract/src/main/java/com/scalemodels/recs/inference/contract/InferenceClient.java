package com.scalemodels.recs.inference.contract;

/**
 * Answers recommendation requests: the transformation Lambda calls the inference function through it, the local
 * runner calls the handler in-process.
 */
@FunctionalInterface
public interface InferenceClient {

    /**
     * @return one result per request session, in order
     * @throws InferenceUnavailableException when inference cannot answer at all (function error, timeout, vector
     *         DB down); the caller fails its whole batch so it is retried
     */
    InferenceResponse recommend(InferenceRequest request);
}
