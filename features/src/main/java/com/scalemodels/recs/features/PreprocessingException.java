package com.scalemodels.recs.features;

/** A preprocessing file that cannot be trusted to produce the vectors the model was trained on. */
public class PreprocessingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PreprocessingException(String message) {
        super(message);
    }

    public PreprocessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
