package com.scalemodels.recs.loader;

import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 client, built on first use: a file:// load, a rollback or a status never pay for AWS SDK start-up. Region
 * and credentials come from the SDK's default chains (the Lambda environment); the JDK URL-connection HTTP client
 * keeps the jar small. One instance per handler or CLI run, closed with it.
 */
final class LazyS3Client implements Supplier<S3Client>, AutoCloseable {

    private S3Client client;

    @Override
    public synchronized S3Client get() {
        if (client == null) {
            client = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
