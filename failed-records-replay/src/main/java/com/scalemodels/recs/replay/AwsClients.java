package com.scalemodels.recs.replay;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 and Kinesis clients the CLI uses, with the plain JDK HTTP client like the rest of the project. */
public final class AwsClients {

    private final AwsCredentialsProvider credentials;

    public AwsClients(AwsCredentialsProvider credentials) {
        this.credentials = credentials;
    }

    /** The default credential chain: environment, system properties, profile (incl. SSO), container, instance. */
    public static AwsClients defaultChain() {
        return new AwsClients(DefaultCredentialsProvider.builder().build());
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /**
     * @param endpoint null for AWS; else an S3-compatible server (S3Proxy, MinIO, LocalStack), addressed path-style
     *                 and without the newer flexible checksums that such servers may not speak
     */
    public S3Client s3(Region region, URI endpoint) {
        S3ClientBuilder b = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(region)
                .credentialsProvider(credentials);
        if (endpoint == null) {
            b.crossRegionAccessEnabled(true); // the bucket may live in another region than the stream
        } else {
            b.endpointOverride(endpoint).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return b.build();
    }

    /**
     * The SDK's own retries are off: the replay retries itself, entry by entry, with its bounded backoff, so a
     * throttled stream sees one retry policy, not two multiplied.
     *
     * @param endpoint null for AWS; else a Kinesis-compatible server (kinesalite, LocalStack)
     */
    public KinesisClient kinesis(Region region, URI endpoint) {
        KinesisClientBuilder b = KinesisClient.builder().httpClient(UrlConnectionHttpClient.create()).region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(60)));
        if (endpoint != null) {
            b.endpointOverride(endpoint);
        }
        return b.build();
    }
}
