package com.scalemodels.recs.transformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.inference.contract.InferenceCodec;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.contract.InferenceUnavailableException;
import com.scalemodels.recs.session.BrowseItem;
import com.scalemodels.recs.session.SessionEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The real SDK client and {@link LambdaInferenceClient} against a local Lambda Invoke API stub. */
class LambdaInferenceClientIT {

    static final String FUNCTION = "recs-inference-live";
    private static final InferenceCodec CODEC = new InferenceCodec();
    private static final InferenceRequest REQUEST = new InferenceRequest("inv-1/0", 10, 5, List.of(
            new SessionEvent("a1", 103, "Nantes", "France", 21000.0, List.of(new BrowseItem("S10_1678", 2, true))),
            new SessionEvent("b2", 112, null, null, null, List.of())));

    static LambdaClient sdkClient(LambdaInvokeStub stub, Duration timeout, int attempts) {
        return LambdaClients.forInference(new TransformationConfig(FUNCTION, timeout, attempts, "Recs/Test",
                InferenceSettings.DEFAULT),
                b -> b.endpointOverride(stub.endpoint())
                        .region(Region.EU_WEST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("AKIDLOCALSTUB", "local-stub-secret"))));
    }

    static LambdaInvokeStub.Reply fakeAnswer(byte[] body) {
        InferenceRequest request = CODEC.readRequest(body);
        return LambdaInvokeStub.Reply.ok(CODEC.writeResponse(FakeInferenceClient.standard().answer(request)));
    }

    private static LambdaInferenceClient client(LambdaInvokeStub stub, Duration timeout, int attempts) {
        return new LambdaInferenceClient(sdkClient(stub, timeout, attempts), FUNCTION, CODEC);
    }

    @Test
    void invokesSynchronouslyWithTheContractPayload() throws Exception {
        try (LambdaInvokeStub stub = new LambdaInvokeStub(LambdaInferenceClientIT::fakeAnswer)) {
            InferenceResponse response = client(stub, Duration.ofSeconds(5), 2).recommend(REQUEST);

            assertThat(response).isEqualTo(FakeInferenceClient.standard().answer(REQUEST));
            assertThat(stub.received).hasSize(1);
            assertThat(stub.received.get(0).method()).isEqualTo("POST");
            assertThat(stub.received.get(0).path()).isEqualTo("/2015-03-31/functions/" + FUNCTION + "/invocations");
            assertThat(stub.received.get(0).body()).isEqualTo(CODEC.writeRequest(REQUEST));
        }
    }

    @Test
    void functionErrorIsAnOutageAndIsNotRetried() throws Exception {
        try (LambdaInvokeStub stub = new LambdaInvokeStub(body -> LambdaInvokeStub.Reply.functionError(TestEvents.utf8(
                "{\"errorType\":\"java.lang.IllegalStateException\",\"errorMessage\":\"customer 103 pool closed\"}")))) {
            assertThatThrownBy(() -> client(stub, Duration.ofSeconds(5), 3).recommend(REQUEST))
                    .isInstanceOf(InferenceUnavailableException.class)
                    .hasMessage("inference function error for inv-1/0: Unhandled (java.lang.IllegalStateException)");
            assertThat(stub.received).hasSize(1);
        }
    }

    @Test
    void malformedOrMismatchedResponseIsAnOutage() throws Exception {
        try (LambdaInvokeStub stub = new LambdaInvokeStub(body -> LambdaInvokeStub.Reply.ok(TestEvents.utf8("<html>")))) {
            assertThatThrownBy(() -> client(stub, Duration.ofSeconds(5), 1).recommend(REQUEST))
                    .isInstanceOf(InferenceUnavailableException.class).hasMessageContaining("malformed");
        }
        try (LambdaInvokeStub stub = new LambdaInvokeStub(body -> LambdaInvokeStub.Reply.ok(TestEvents.utf8(
                "{\"model_version\":\"v\",\"results\":[]}")))) {
            assertThatThrownBy(() -> client(stub, Duration.ofSeconds(5), 1).recommend(REQUEST))
                    .isInstanceOf(InferenceUnavailableException.class).hasMessageContaining("0 results for 2 sessions");
        }
    }

    @Test
    void throttlingIsRetriedUpToTheBoundThenFails() throws Exception {
        try (LambdaInvokeStub stub = new LambdaInvokeStub(
                body -> LambdaInvokeStub.Reply.error(429, "TooManyRequestsException"))) {
            assertThatThrownBy(() -> client(stub, Duration.ofSeconds(5), 2).recommend(REQUEST))
                    .isInstanceOf(InferenceUnavailableException.class)
                    .hasMessageStartingWith("inference invoke inv-1/0 failed: TooManyRequestsException");
            assertThat(stub.received).hasSize(2);
        }
    }

    @Test
    void serverErrorsAreRetriedAndARecoveryIsUsed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (LambdaInvokeStub stub = new LambdaInvokeStub(body -> calls.incrementAndGet() < 3
                ? LambdaInvokeStub.Reply.error(500, "ServiceException") : fakeAnswer(body))) {
            assertThat(client(stub, Duration.ofSeconds(5), 3).recommend(REQUEST).results()).hasSize(2);
            assertThat(stub.received).hasSize(3);
        }
        try (LambdaInvokeStub stub = new LambdaInvokeStub(body -> LambdaInvokeStub.Reply.error(503,
                "ServiceException"))) {
            assertThatThrownBy(() -> client(stub, Duration.ofSeconds(5), 3).recommend(REQUEST))
                    .isInstanceOf(InferenceUnavailableException.class).hasMessageContaining("ServiceException");
            assertThat(stub.received).hasSize(3);
        }
    }

    @Test
    void hungFunctionFailsAfterTimeoutTimesAttempts() throws Exception {
        Duration timeout = Duration.ofMillis(500);
        try (LambdaInvokeStub stub = new LambdaInvokeStub(body -> LambdaInvokeStub.Reply.hanging())) {
            LambdaInferenceClient client = client(stub, timeout, 2);
            long start = System.nanoTime();

            assertThatThrownBy(() -> client.recommend(REQUEST))
                    .isInstanceOf(InferenceUnavailableException.class)
                    .hasMessageStartingWith("inference invoke inv-1/0 timed out");

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertThat(elapsed).isGreaterThanOrEqualTo(timeout);
            // The bound is timeout × attempts; the margin absorbs a loaded build machine, not a sleep.
            assertThat(elapsed).isLessThan(timeout.multipliedBy(2).plusSeconds(2));
            assertThat(stub.received).isNotEmpty();
        }
    }
}
