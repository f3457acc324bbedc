package com.scalemodels.recs.artifacts;

/**
 * The artifacts could not be read or cached right now (S3 or the disk failed, the cache is not writable): an
 * outage, not bad artifacts, so a retry may succeed. The message names the file or the cache directory.
 */
public final class ArtifactsUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ArtifactsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
