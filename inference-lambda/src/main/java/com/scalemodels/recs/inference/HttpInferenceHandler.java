package com.scalemodels.recs.inference;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.scalemodels.recs.inference.http.HttpRoutes;
import com.scalemodels.recs.logging.LambdaLogging;
import com.scalemodels.recs.logging.LogContext;

/**
 * The HTTP routes behind a Lambda Function URL or an API Gateway HTTP API (payload format 2.0): the runtime
 * parses the event, {@link HttpRoutes} answers it. See {@link HttpRoutes} for the routes and their errors.
 */
public final class HttpInferenceHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final HttpRoutes routes;
    private final LambdaLogging logging = new LambdaLogging();

    /** Called by the Lambda runtime, once per execution environment. */
    public HttpInferenceHandler() {
        this(InferenceRuntime.forLambda());
    }

    public HttpInferenceHandler(InferenceRuntime runtime) {
        this.routes = new HttpRoutes(runtime.service(), runtime.defaultK());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        try (LogContext invocation = logging.invocation(context, requestId)) {
            return routes.handle(event, requestId);
        }
    }
}
