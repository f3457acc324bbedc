package com.scalemodels.recs.artifacts;

/**
 * The artifacts cannot be used as they are: a file missing, truncated, corrupt or not listed, a malformed manifest
 * or preprocessing file, a tower that does not load. Retrying will not help; new artifacts will. The message
 * names the file.
 */
public final class InvalidArtifactsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidArtifactsException(String message) {
        super(message);
    }

    public InvalidArtifactsException(String message, Throwable cause) {
        super(message, cause);
    }
}
