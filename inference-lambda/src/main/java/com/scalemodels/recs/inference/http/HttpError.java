package com.scalemodels.recs.inference.http;

/** A request the routes answer with a 4xx status and a message that names the field and the limit. */
final class HttpError extends RuntimeException {

    private final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
