package com.scalemodels.recs.inference.contract;

/** A request the inference function must refuse (HTTP 400); the message names the field, never its value. */
public class InvalidInferenceRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidInferenceRequestException(String message) {
        super(message);
    }
}
