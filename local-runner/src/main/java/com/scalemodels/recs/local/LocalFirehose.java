package com.scalemodels.recs.local;

import com.scalemodels.recs.inference.InferenceConfig;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import com.scalemodels.recs.inference.InProcessInferenceClient;
import com.scalemodels.recs.inference.InferenceRuntime;
import com.scalemodels.recs.local.firehose.Backoff;
import com.scalemodels.recs.local.firehose.DestinationWriter;
import com.scalemodels.recs.local.firehose.FirehoseSettings;
import com.scalemodels.recs.local.firehose.FirehoseSimulator;
import com.scalemodels.recs.local.firehose.ObjectNames;
import com.scalemodels.recs.transformation.BatchMetrics;
import com.scalemodels.recs.transformation.FirehoseBatchProcessor;
import com.scalemodels.recs.transformation.FirehoseTransformationHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * Firehose with its processor, in-process: the simulator handing batches to the real transformation handler, wired
 * to the real inference service (DJL towers, pgvector), writing {@code recommendations/} and {@code
 * processing-failed/} under an output folder. Shared by the streaming step and the replay.
 */
final class LocalFirehose implements AutoCloseable {

    private final InferenceRuntime runtime;
    private final FirehoseSimulator simulator;
    private final DestinationWriter recommendations;
    private final DestinationWriter failed;

    private LocalFirehose(InferenceRuntime runtime, FirehoseSimulator simulator, DestinationWriter recommendations,
            DestinationWriter failed) {
        this.runtime = runtime;
        this.simulator = simulator;
        this.recommendations = recommendations;
        this.failed = failed;
    }

    /** Loads the model (libtorch extracted under {@code cacheDir}) and opens the simulator writing under {@code out}. */
    static LocalFirehose start(LocalServices services, String pgDatabase, Path artifacts, Path cacheDir,
            FirehoseSettings firehose, Path out, Clock clock, Backoff backoff) {
        InferenceConfig config = new InferenceConfig(artifacts.toUri(), cacheDir.resolve("ml-artifacts"),
                VectorDbConfig.of(services.pgUrl(pgDatabase), services.pgUser(), services.pgPassword()), 10,
                cacheDir.resolve("djl"), InferenceConfig.DEFAULT_IN_MEMORY_CATALOG_MB);
        InferenceRuntime runtime = InferenceRuntime.start(config);
        FirehoseTransformationHandler handler = new FirehoseTransformationHandler(
                FirehoseBatchProcessor.standard(new InProcessInferenceClient(runtime.service())),
                new BatchMetrics(new LogMetricsEnvironment(), "Recommendations", firehose.lambdaName()));
        DestinationWriter recommendations = new DestinationWriter(out, ObjectNames.RECOMMENDATIONS_PREFIX, firehose,
                clock, UUID::randomUUID);
        DestinationWriter failed = new DestinationWriter(out, ObjectNames.PROCESSING_FAILED_PREFIX, firehose, clock,
                UUID::randomUUID);
        FirehoseSimulator simulator = new FirehoseSimulator(firehose, event -> handler.handleRequest(event, null),
                recommendations, failed, clock, System::nanoTime, backoff, () -> UUID.randomUUID().toString());
        return new LocalFirehose(runtime, simulator, recommendations, failed);
    }

    FirehoseSimulator simulator() {
        return simulator;
    }

    DestinationWriter recommendations() {
        return recommendations;
    }

    DestinationWriter processingFailed() {
        return failed;
    }

    String modelVersion() {
        return runtime.artifacts().manifest().modelVersion();
    }

    /** Hands over the last batch, completes the objects, releases the model. */
    @Override
    public void close() {
        try {
            simulator.close();
        } finally {
            runtime.close();
        }
    }
}
