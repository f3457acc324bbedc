package com.scalemodels.recs.artifacts.internal;

import com.scalemodels.recs.artifacts.ArtifactsUnavailableException;
import com.scalemodels.recs.artifacts.InvalidArtifactsException;
import com.scalemodels.recs.artifacts.ArtifactSource;
import java.io.InputStream;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** An artifact folder under {@code s3://bucket/prefix/}. */
public final class S3ArtifactSource implements ArtifactSource {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    /** @param prefix key prefix with or without slashes around it; empty for the bucket root */
    public S3ArtifactSource(S3Client s3, String bucket, String prefix) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        String p = prefix == null ? "" : prefix;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        this.prefix = p;
    }

    private String key(String relativePath) {
        return prefix.isEmpty() ? relativePath : prefix + "/" + relativePath;
    }

    @Override
    public InputStream open(String relativePath) {
        try {
            return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key(relativePath)).build());
        } catch (NoSuchKeyException e) {
            throw new InvalidArtifactsException(describe(relativePath) + ": not found", e);
        } catch (SdkException e) {
            throw new ArtifactsUnavailableException(describe(relativePath) + ": cannot read (" + e.getMessage() + ")",
                    e);
        }
    }

    @Override
    public String describe(String relativePath) {
        return "s3://" + bucket + "/" + key(relativePath);
    }
}
