package com.scalemodels.recs.transformation;

import java.time.Duration;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

/** Builds the SDK client for the inference invoke. Building opens no connection, so it is safe at (SnapStart) init. */
public final class LambdaClients {

    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private LambdaClients() {
    }

    /**
     * Each attempt is cut at {@code INFERENCE_TIMEOUT_MS}, the whole call at that times
     * {@code INFERENCE_MAX_ATTEMPTS}; throttles, 5xx and attempt timeouts are retried by the SDK's standard
     * strategy up to the attempt bound. The function's own timeout must exceed the call bound times the number
     * of chunks (normally one), so an outage fails the invocation with our error rather than a Lambda timeout.
     *
     * @param customizer tests point the client at a local stub (endpoint, region, credentials); production passes
     *        a no-op and gets the region and credentials of the Lambda environment
     */
    public static LambdaClient forInference(TransformationConfig config, Consumer<LambdaClientBuilder> customizer) {
        Duration attempt = config.inferenceTimeout();
        int attempts = config.inferenceMaxAttempts();
        Duration connect = attempt.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? attempt : MAX_CONNECT_TIMEOUT;
        LambdaClientBuilder builder = LambdaClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(connect)
                        // The attempt timeout is the real bound; the socket one only backs it up.
                        .socketTimeout(attempt.plusSeconds(1)))
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(attempt)
                        .apiCallTimeout(attempt.multipliedBy(attempts))
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(attempts)
                                .build()));
        customizer.accept(builder);
        return builder.build();
    }
}
