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
import com.scalemodels.recs.sampledata.SessionSource;
import com.scalemodels.recs.sampledata.SessionStreamGenerator;
import com.scalemodels.recs.transformation.BatchMetrics;
import com.scalemodels.recs.transformation.FirehoseBatchProcessor;
import com.scalemodels.recs.transformation.FirehoseTransformationHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 4, Kinesis Data Stream → Firehose → transformation Lambda → inference Lambda → S3: session events from the
 * sample customers and products (the only ones the model knows), some deliberately malformed, put on the
 * simulated stream; the real transformation handler, wired to the real inference service in-process (DJL towers,
 * pgvector), transforms each batch.
 */
public final class StreamingStep {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingStep.class);
    /** Sleeps for pacing a timed stream; a real wait, not synchronisation. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final LocalServices services;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;

    public StreamingStep(LocalServices services, Clock clock, Sleeper sleeper, Backoff backoff) {
        this.services = services;
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = backoff;
    }

    public StreamingResult run(StreamPlan plan, FirehoseSettings firehose, Path sampleCsv, Path artifacts,
            String pgDatabase, Path cacheDir, Path out, LongConsumer onProgress)
            throws IOException, InterruptedException {
        InferenceConfig config = new InferenceConfig(artifacts.toUri(), cacheDir.resolve("ml-artifacts"),
                VectorDbConfig.of(services.pgUrl(pgDatabase), services.pgUser(), services.pgPassword()), 10,
                cacheDir.resolve("djl"));
        SessionStreamGenerator generator = new SessionStreamGenerator(SessionSource.fromCsv(sampleCsv), plan.seed(),
                plan.malformedShare());
        try (InferenceRuntime runtime = InferenceRuntime.start(config)) {
            FirehoseTransformationHandler handler = new FirehoseTransformationHandler(
                    FirehoseBatchProcessor.standard(new InProcessInferenceClient(runtime.service())),
                    new BatchMetrics(new LogMetricsEnvironment(), "Recommendations", firehose.lambdaName()));
            DestinationWriter recommendations = new DestinationWriter(out, ObjectNames.RECOMMENDATIONS_PREFIX,
                    firehose, clock, UUID::randomUUID);
            DestinationWriter failed = new DestinationWriter(out, ObjectNames.PROCESSING_FAILED_PREFIX, firehose,
                    clock, UUID::randomUUID);
            FirehoseSimulator simulator = new FirehoseSimulator(firehose, event -> handler.handleRequest(event, null),
                    recommendations, failed, clock, System::nanoTime, backoff, () -> UUID.randomUUID().toString());
            long total = plan.total();
            long malformed = 0;
            long started = System.nanoTime();
            Instant start = clock.instant();
            try (simulator) {
                for (long i = 0; i < total; i++) {
                    if (plan.paced()) {
                        waitUntil(start.plusNanos((long) (i * 1e9 / plan.rate())), simulator);
                    }
                    SessionStreamGenerator.SessionRecord record = generator.next();
                    if (record.malformedCase() != null) {
                        malformed++;
                    }
                    simulator.put(record.data());
                    if ((i + 1) % 500 == 0) {
                        onProgress.accept(i + 1);
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            String modelVersion = runtime.artifacts().manifest().modelVersion();
            LOG.atInfo().addKeyValue("event", "streaming_done").addKeyValue("sessions", total)
                    .addKeyValue("malformed_planted", malformed).addKeyValue("seconds", seconds)
                    .log("stream delivered");
            return new StreamingResult(total, malformed, simulator.stats(), modelVersion, recommendations.objects(),
                    failed.objects(), seconds);
        }
    }

    /** Waits for the next record's send time, letting the simulator flush by interval meanwhile. */
    private void waitUntil(Instant due, FirehoseSimulator simulator) throws InterruptedException {
        while (true) {
            simulator.tick();
            Duration left = Duration.between(clock.instant(), due);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            sleeper.sleep(left.compareTo(Duration.ofMillis(200)) > 0 ? Duration.ofMillis(200) : left);
        }
    }
}
