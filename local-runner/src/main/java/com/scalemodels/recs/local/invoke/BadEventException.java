package com.scalemodels.recs.local.invoke;

/** An event file refused before any function runs; the message names the file and the problem. */
final class BadEventException extends Exception {

    private static final long serialVersionUID = 1L;

    BadEventException(String message) {
        super(message);
    }
}
