package com.scalemodels.recs.artifacts;

import java.io.InputStream;

/**
 * Where the artifact folder lives: read-only access to its files by relative path. {@link ArtifactStore#forUri}
 * picks the source for an {@code s3://} or {@code file://} location.
 */
public interface ArtifactSource {

    /**
     * @param relativePath a path inside the folder, such as {@code model/user_tower.pt}
     * @throws InvalidArtifactsException naming the file when it is absent
     * @throws ArtifactsUnavailableException naming the file when it cannot be read
     */
    InputStream open(String relativePath);

    /** The location of a file, for messages: {@code s3://bucket/prefix/path} or {@code file:///…/path}. */
    String describe(String relativePath);
}
