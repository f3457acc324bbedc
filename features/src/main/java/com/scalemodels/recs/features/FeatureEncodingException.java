package com.scalemodels.recs.features;

/** A row that cannot be encoded (a value of the wrong type, an infinite number, an unknown column). */
public class FeatureEncodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FeatureEncodingException(String message) {
        super(message);
    }
}
