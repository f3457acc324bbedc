package com.scalemodels.recs.transformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalemodels.recs.inference.contract.InferenceClient;
import com.scalemodels.recs.inference.contract.InferenceCodec;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.contract.InferenceUnavailableException;
import com.scalemodels.recs.json.Json;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Calls the inference function with one synchronous invoke per request. Timeouts and retries are the SDK
 * client's ({@link LambdaClients#forInference}); whatever still fails becomes one
 * {@link InferenceUnavailableException} naming the request id, never the payload. Thread-safe.
 */
public final class LambdaInferenceClient implements InferenceClient {

    private final LambdaClient lambda;
    private final String functionName;
    private final InferenceCodec codec;

    public LambdaInferenceClient(LambdaClient lambda, String functionName, InferenceCodec codec) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public InferenceResponse recommend(InferenceRequest request) {
        String id = request.requestId();
        InvokeResponse response;
        try {
            response = lambda.invoke(InvokeRequest.builder()
                    .functionName(functionName)
                    .invocationType(InvocationType.REQUEST_RESPONSE)
                    .payload(SdkBytes.fromByteArrayUnsafe(codec.writeRequest(request)))
                    .build());
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw new InferenceUnavailableException("inference invoke " + id + " timed out: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new InferenceUnavailableException("inference invoke " + id + " failed: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        byte[] body = response.payload() == null ? new byte[0] : response.payload().asByteArrayUnsafe();
        if (response.functionError() != null) {
            // The error's type is a class name; its message is left out, it is the other team's text.
            throw new InferenceUnavailableException("inference function error for " + id + ": "
                    + response.functionError() + errorType(body));
        }
        return codec.readResponse(body).requireMatches(request);
    }

    private static String errorType(byte[] body) {
        try {
            JsonNode type = Json.read(body).path("errorType");
            return type.isTextual() ? " (" + type.textValue() + ")" : "";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
