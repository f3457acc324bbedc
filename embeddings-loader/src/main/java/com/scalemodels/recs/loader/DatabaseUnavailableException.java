package com.scalemodels.recs.loader;

/** The vector database cannot be reached or refuses the login. */
public final class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
