package com.scalemodels.recs.loader;

/**
 * The database is not in a state that allows the operation: another loader holds the lock, there is no previous
 * version to roll back to, the swap could not get its locks, or item_emb exists without being the loader's.
 */
public final class LoaderStateException extends RuntimeException {

    public LoaderStateException(String message) {
        super(message);
    }

    public LoaderStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
