package com.scalemodels.recs.transformation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.inference.contract.InferenceCodec;
import com.scalemodels.recs.inference.contract.InferenceUnavailableException;
import com.scalemodels.recs.logging.LambdaLogging;
import com.scalemodels.recs.logging.LogContext;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Firehose data-transformation entry point. The runtime creates one instance per execution environment, so
 * the no-argument constructor is init: it reads the configuration, builds the SDK client (no network) and the
 * processor once, which SnapStart then snapshots. Each invocation only converts the event, delegates to
 * {@link FirehoseBatchProcessor} and reports. Every line of an invocation carries its Firehose invocation id as
 * {@code correlation_id}; the inference requests carry it too (contract), so the inference function's lines join.
 */
public final class FirehoseTransformationHandler implements RequestHandler<KinesisFirehoseEvent, FirehoseResponse> {

    private static final Logger log = LoggerFactory.getLogger(FirehoseTransformationHandler.class);

    private final FirehoseBatchProcessor processor;
    private final BatchMetrics metrics;
    private final LambdaLogging logging = new LambdaLogging();

    public FirehoseTransformationHandler() {
        this(TransformationConfig.fromEnvironment(Environment.system()));
    }

    private FirehoseTransformationHandler(TransformationConfig config) {
        this(FirehoseBatchProcessor.standard(new LambdaInferenceClient(
                        LambdaClients.forInference(config, builder -> { }),
                        config.inferenceFunctionName(), new InferenceCodec()), config.perSession()),
                BatchMetrics.forLambda(config.metricsNamespace()));
    }

    public FirehoseTransformationHandler(FirehoseBatchProcessor processor, BatchMetrics metrics) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public FirehoseResponse handleRequest(KinesisFirehoseEvent event, Context context) {
        String invocationId = event.getInvocationId() == null ? "unknown" : event.getInvocationId();
        try (LogContext invocation = logging.invocation(context, invocationId)) {
            return process(invocationId, event);
        }
    }

    private FirehoseResponse process(String invocationId, KinesisFirehoseEvent event) {
        long started = System.nanoTime();
        BatchResult result;
        try {
            result = processor.process(invocationId, inputs(event));
        } catch (InferenceUnavailableException e) {
            log.atError().addKeyValue("event", "batch_failed").addKeyValue("reason", "inference_unavailable")
                    .addKeyValue("error", e.getMessage()).log("batch failed: inference unavailable");
            metrics.publishInferenceUnavailable(invocationId);
            throw e;
        }
        BatchStats s = result.stats();
        log.atInfo().addKeyValue("event", "batch_done").addKeyValue("records_in", s.records().total())
                .addKeyValue("records_ok", s.records().ok())
                .addKeyValue("records_failed", s.records().processingFailed())
                .addKeyValue("duration_ms", (System.nanoTime() - started) / 1_000_000)
                .addKeyValue("inference_ms", s.inference().latencyMs())
                .addKeyValue("sessions_sent", s.inference().sessionsSent()).addKeyValue("chunks", s.inference().chunks())
                .addKeyValue("bytes_in", s.bytes().in()).addKeyValue("bytes_out", s.bytes().out())
                .addKeyValue("response_bytes_bound", s.bytes().responseBound()).log("batch processed");
        metrics.publish(s);
        return result.response();
    }

    private static List<InputRecord> inputs(KinesisFirehoseEvent event) {
        List<KinesisFirehoseEvent.Record> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<InputRecord> inputs = new ArrayList<>(records.size());
        for (KinesisFirehoseEvent.Record r : records) {
            inputs.add(new InputRecord(r.getRecordId() == null ? "" : r.getRecordId(), bytes(r.getData())));
        }
        return inputs;
    }

    private static byte[] bytes(ByteBuffer data) {
        if (data == null) {
            return new byte[0];
        }
        ByteBuffer view = data.duplicate(); // leaves the event's buffer position untouched
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
