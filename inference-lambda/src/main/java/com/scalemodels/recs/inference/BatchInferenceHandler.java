package com.scalemodels.recs.inference;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.scalemodels.recs.inference.contract.InferenceCodec;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.recommend.RecommendationService;
import com.scalemodels.recs.logging.LambdaLogging;
import com.scalemodels.recs.logging.LogContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch invoke from the transformation function: an inference request in, its response out, both as the
 * contract's JSON. A stream handler, so the request is read by {@link InferenceCodec} (duplicate keys rejected,
 * numbers exact, sessions validated like Kinesis records) rather than by the runtime's own JSON; the in-process
 * client of the local runner and the tests goes through {@link #answer} too, so what they check is what runs.
 * A request that breaks the contract, or a vector database that cannot answer, fails the invocation: the
 * transformation fails its batch and Firehose retries it. The lines of a request carry its
 * {@link InferenceRequest#correlationId() correlation id}, the Firehose invocation id the transformation logs too.
 */
public final class BatchInferenceHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BatchInferenceHandler.class);

    private final RecommendationService service;
    private final InferenceCodec codec = new InferenceCodec();
    private final LambdaLogging logging = new LambdaLogging();

    /** Called by the Lambda runtime, once per execution environment. */
    public BatchInferenceHandler() {
        this(InferenceRuntime.forLambda().service());
    }

    public BatchInferenceHandler(RecommendationService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (LogContext invocation = logging.invocation(context, null)) {
            output.write(answer(input.readAllBytes()));
        }
    }

    /**
     * The response to one request, as JSON.
     *
     * @throws com.scalemodels.recs.json.InvalidFieldException when the request breaks the contract
     * @throws com.scalemodels.recs.vectordb.VectorDbUnavailableException when the vector database cannot answer
     */
    public byte[] answer(byte[] requestJson) {
        InferenceRequest request = codec.readRequest(requestJson);
        try (LogContext batch = LogContext.correlation(request.correlationId())) {
            long started = System.nanoTime();
            InferenceResponse response = service.recommend(request);
            LOG.atInfo()
                    .addKeyValue("event", "batch_done")
                    .addKeyValue("request_id", request.requestId())
                    .addKeyValue("sessions", request.sessions().size())
                    .addKeyValue("sessions_failed", response.results().stream().filter(r -> r.hasError()).count())
                    .addKeyValue("model_version", response.modelVersion())
                    .addKeyValue("duration_ms", (System.nanoTime() - started) / 1_000_000)
                    .log("batch answered");
            return codec.writeResponse(response);
        }
    }
}
