package com.scalemodels.recs.local.invoke;

/** A deployment jar or layer that {@code ./mvnw package} has not built yet; the message says how to build it. */
final class NotBuiltException extends Exception {

    private static final long serialVersionUID = 1L;

    NotBuiltException(String message) {
        super(message);
    }
}
