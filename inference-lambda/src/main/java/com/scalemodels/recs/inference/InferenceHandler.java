package com.scalemodels.recs.inference;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.inference.contract.InferenceCodec;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.http.HttpRoutes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The inference function. One handler for two event shapes, told apart by their fields: a batch request from the
 * transformation function has {@code sessions}; a Function URL / API Gateway v2 HTTP event has
 * {@code requestContext.http}. Thin: parse, call {@link com.scalemodels.recs.inference.recommend.RecommendationService},
 * format.
 */
public final class InferenceHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceHandler.class);

    /** Created once per execution environment, during the Lambda init phase. */
    private static final class Init {
        static final InferenceRuntime RUNTIME = InferenceRuntime.start(
                InferenceConfig.fromEnvironment(Environment.system()));
    }

    private final InferenceRuntime runtime;
    private final ObjectMapper mapper = new ObjectMapper();
    private final InferenceCodec codec = new InferenceCodec();
    private final HttpRoutes routes;
    private final PojoSerializer<APIGatewayV2HTTPEvent> httpEvents =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, InferenceHandler.class.getClassLoader());
    private final PojoSerializer<APIGatewayV2HTTPResponse> httpResponses =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, InferenceHandler.class.getClassLoader());

    public InferenceHandler() {
        this(Init.RUNTIME);
    }

    public InferenceHandler(InferenceRuntime runtime) {
        this.runtime = runtime;
        this.routes = new HttpRoutes(runtime.service(), mapper);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        MDC.put("request_id", requestId);
        try {
            byte[] bytes = input.readAllBytes();
            JsonNode root = mapper.readTree(bytes);
            if (root != null && root.has("sessions")) {
                output.write(codec.writeResponse(recommend(codec.readRequest(root))));
            } else if (root != null && root.path("requestContext").has("http")) {
                APIGatewayV2HTTPEvent event = httpEvents.fromJson(new ByteArrayInputStream(bytes));
                httpResponses.toJson(routes.handle(event, requestId), output);
            } else {
                throw new IllegalArgumentException("unrecognised event: expected a batch request with 'sessions'"
                        + " or a Function URL / API Gateway v2 HTTP event");
            }
        } finally {
            MDC.remove("request_id");
        }
    }

    private InferenceResponse recommend(InferenceRequest request) {
        long started = System.nanoTime();
        InferenceResponse response = runtime.service().recommend(request);
        long failed = response.results().stream().filter(r -> r.hasError()).count();
        LOG.atInfo()
                .addKeyValue("event", "batch")
                .addKeyValue("batch_id", request.requestId())
                .addKeyValue("batch_size", request.sessions().size())
                .addKeyValue("sessions_failed", failed)
                .addKeyValue("model_version", response.modelVersion())
                .addKeyValue("duration_ms", (System.nanoTime() - started) / 1_000_000)
                .log("batch answered");
        return response;
    }
}
