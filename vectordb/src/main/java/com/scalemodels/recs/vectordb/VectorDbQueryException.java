package com.scalemodels.recs.vectordb;

/** A request the vector database cannot answer as asked (k out of range, wrong dimension, bad SQL): a bug or a bad request. */
public class VectorDbQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VectorDbQueryException(String message) {
        super(message);
    }

    public VectorDbQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
