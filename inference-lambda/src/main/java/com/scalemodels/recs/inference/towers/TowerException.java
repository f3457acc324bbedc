package com.scalemodels.recs.inference.towers;

/** A tower that cannot be loaded or does not produce what the manifest promises. */
public final class TowerException extends RuntimeException {

    public TowerException(String message) {
        super(message);
    }

    public TowerException(String message, Throwable cause) {
        super(message, cause);
    }
}
