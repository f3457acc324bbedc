package com.scalemodels.recs.artifacts;

import com.scalemodels.recs.artifacts.internal.FileArtifactSource;
import com.scalemodels.recs.artifacts.internal.S3ArtifactSource;
import java.io.InputStream;
import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Where the artifact folder lives: read-only access to its files by relative path. */
public interface ArtifactSource {

    /**
     * @param relativePath a path inside the folder, such as {@code model/user_tower.pt}
     * @throws InvalidArtifactsException naming the file when it is absent
     * @throws ArtifactsUnavailableException naming the file when it cannot be read
     */
    InputStream open(String relativePath);

    /** The location of a file, for messages: {@code s3://bucket/prefix/path} or {@code file:///…/path}. */
    String describe(String relativePath);

    /**
     * The source for {@code ML_ARTIFACTS_URI}, reading S3 with the SDK's default region and credentials over the
     * URL-connection HTTP client: it starts faster and is smaller than the Apache or Netty clients, and artifacts
     * are read once per process, so its throughput does not matter.
     */
    static ArtifactSource fromUri(URI uri) {
        return fromUri(uri, () -> S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build());
    }

    /**
     * The source for {@code ML_ARTIFACTS_URI}; {@code s3} is only called for {@code s3://} URIs, so local runs
     * never build an AWS client.
     */
    static ArtifactSource fromUri(URI uri, Supplier<S3Client> s3) {
        return switch (uri.getScheme() == null ? "" : uri.getScheme()) {
            case "s3" -> new S3ArtifactSource(s3.get(), uri.getHost(), uri.getPath());
            case "file" -> new FileArtifactSource(java.nio.file.Path.of(uri));
            default -> throw new InvalidArtifactsException("artifact location must be s3:// or file://, got " + uri);
        };
    }
}
