package com.scalemodels.recs.replay;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Objects under {@code s3://bucket/prefix}: ListObjectsV2 (paginated) and GetObject. */
public final class S3FailedRecordSource implements FailedRecordSource {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3FailedRecordSource(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /** {@code s3://bucket/prefix} → bucket and prefix (empty prefix: the whole bucket). */
    public static S3FailedRecordSource forUri(S3Client s3, String uri) {
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        // Lower case, digits, dots and hyphens; older us-east-1 buckets may also have capitals and underscores.
        if (!bucket.matches("[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]")) {
            throw ReplayException.usage("--source: '" + bucket + "' is not an S3 bucket name (s3://bucket/prefix)");
        }
        return new S3FailedRecordSource(s3, bucket, prefix);
    }

    @Override
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public List<SourceObject> list() {
        List<SourceObject> objects = new ArrayList<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                if (!o.key().endsWith("/")) { // a console "folder" marker holds no records
                    objects.add(new SourceObject("s3://" + bucket + "/" + o.key(), o.key(), o.size()));
                }
            }
        } catch (NoSuchBucketException e) {
            throw ReplayException.source("--source: bucket '" + bucket + "' does not exist", e);
        } catch (S3Exception e) {
            if (e.statusCode() == 403) {
                throw ReplayException.source("--source: access denied listing s3://" + bucket + "/" + prefix
                        + " (needs s3:ListBucket on the bucket): " + e.awsErrorDetails().errorMessage(), e);
            }
            throw ReplayException.source("--source: cannot list " + location() + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw ReplayException.source("--source: cannot list " + location() + ": " + e.getMessage(), e);
        }
        objects.sort(Comparator.comparing(SourceObject::key));
        return objects;
    }

    @Override
    public InputStream open(SourceObject object) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(object.key()));
        } catch (SdkException e) {
            throw new IOException("cannot get " + object.uri() + ": " + e.getMessage(), e);
        }
    }
}
