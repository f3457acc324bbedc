package com.scalemodels.recs.inference.contract;

/** Inference could not answer a request at all; retry the whole batch later. Messages hold ids only. */
public class InferenceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InferenceUnavailableException(String message) {
        super(message);
    }

    public InferenceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
