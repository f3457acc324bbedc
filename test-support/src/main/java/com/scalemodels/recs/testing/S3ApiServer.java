package com.scalemodels.recs.testing;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API (S3Proxy over jclouds' in-memory "transient" blob store) on a random loopback port, with fixed
 * dummy credentials, and a path-style {@link S3Client} for it that counts the operations it sends.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final S3ApiServer S3 = new S3ApiServer();
 * ...
 * S3.createBucket("artifacts");
 * S3.put("artifacts", "v1/manifest.json", bytes);
 * S3Client s3 = S3.client();
 * }</pre>
 * Outside JUnit, {@link #start()} and {@link #close()} it yourself.
 */
public final class S3ApiServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /** Dummy credentials of this throwaway server. */
    public static final String ACCESS_KEY = "local-test-access-key";
    public static final String SECRET_KEY = "local-test-secret-key";

    private final Map<String, AtomicInteger> operations = new ConcurrentHashMap<>();
    private S3Proxy proxy;
    private BlobStoreContext context;
    private S3Client client;

    public synchronized void start() throws Exception {
        if (proxy != null) {
            return;
        }
        context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .overrides(new Properties())
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start(); // Jetty's start() returns once the connector listens
        if (!"STARTED".equals(proxy.getState())) {
            throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
        }
        client = S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .forcePathStyle(true)
                // S3Proxy does not speak the newer flexible-checksum trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new OperationCounter()))
                .build();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** A client for this server. Owned by the server: do not close it. */
    public S3Client client() {
        return client;
    }

    public void createBucket(String bucket) {
        client.createBucket(b -> b.bucket(bucket));
    }

    public void put(String bucket, String key, byte[] content) {
        client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    public void delete(String bucket, String key) {
        client.deleteObject(b -> b.bucket(bucket).key(key));
    }

    /** How many times the client sent {@code operation} (e.g. "GetObject") since start or the last reset. */
    public int count(String operation) {
        AtomicInteger n = operations.get(operation);
        return n == null ? 0 : n.get();
    }

    public void resetCounts() {
        operations.clear();
    }

    @Override
    public synchronized void close() throws Exception {
        if (client != null) {
            client.close();
            client = null;
        }
        if (proxy != null) {
            proxy.stop();
            proxy = null;
        }
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext extensionContext) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext extensionContext) throws Exception {
        close();
    }

    private final class OperationCounter implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            operations.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        }
    }
}
