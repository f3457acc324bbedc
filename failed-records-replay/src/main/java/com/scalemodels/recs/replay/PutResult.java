package com.scalemodels.recs.replay;

/**
 * What a sink did with one entry of a call.
 *
 * @param errorCode null when the entry was accepted
 * @param retryable whether putting the same entry again may succeed (throttling, internal failure)
 */
public record PutResult(String errorCode, String errorMessage, boolean retryable) {

    public static final PutResult OK = new PutResult(null, null, false);

    public boolean ok() {
        return errorCode == null;
    }
}
