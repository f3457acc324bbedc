package com.scalemodels.recs.vectordb;

/**
 * The vector database cannot answer now (connection refused or lost, pool exhausted, statement timeout, server
 * overloaded or shutting down): fail the invocation so it is retried, do not blame the request.
 */
public class VectorDbUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VectorDbUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
