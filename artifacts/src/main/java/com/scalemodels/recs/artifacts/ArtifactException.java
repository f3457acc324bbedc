package com.scalemodels.recs.artifacts;

/** ML artifacts that cannot be used: missing, truncated, corrupt or malformed. The message names the file. */
public class ArtifactException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ArtifactException(String message) {
        super(message);
    }

    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
