package com.scalemodels.recs.local.firehose;

import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import com.scalemodels.recs.transformation.FirehoseResponse;
import com.scalemodels.recs.transformation.FirehoseResponseRecord;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kinesis Data Stream + Firehose with a Lambda processor, on one machine, with Firehose's semantics:
 * <ul>
 *   <li>records are buffered and handed to the function when the buffer would pass its size, when its oldest record
 *   is {@code bufferInterval} old ({@link #tick()}), and at the end ({@link #close()});</li>
 *   <li>every record gets a unique record id; the event is the one Firehose builds for a Kinesis source;</li>
 *   <li>{@code Ok} data goes to the recommendations prefix, {@code Dropped} nowhere, {@code ProcessingFailed} to
 *   processing-failed/ as Firehose's error record carrying the original bytes;</li>
 *   <li>an invocation that throws (or answers with missing, duplicate or unknown record ids) is retried {@code
 *   retries} times; then every record of the batch goes to processing-failed/ with {@code Lambda.FunctionError}.</li>
 * </ul>
 * Single-threaded, like one Firehose shard's delivery.
 */
public final class FirehoseSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FirehoseSimulator.class);

    private final FirehoseSettings settings;
    private final FirehoseProcessor processor;
    private final DestinationWriter recommendations;
    private final DestinationWriter processingFailed;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Backoff backoff;
    private final Supplier<String> invocationIds;
    private final EventBuilder events;
    private final FailedRecordEncoder failedRecords;

    private final List<BufferedRecord> buffer = new ArrayList<>();
    private long bufferedBytes;
    private long sequence;
    private long ok;
    private long dropped;
    private long failed;
    private long batches;
    private long invocations;
    private long invocationsFailed;
    private long batchesFailed;
    private final List<Double> batchMillis = new ArrayList<>();

    public FirehoseSimulator(FirehoseSettings settings, FirehoseProcessor processor, DestinationWriter recommendations,
            DestinationWriter processingFailed, Clock clock, LongSupplier nanoTime, Backoff backoff,
            Supplier<String> invocationIds) {
        this.settings = settings;
        this.processor = processor;
        this.recommendations = recommendations;
        this.processingFailed = processingFailed;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.backoff = backoff;
        this.invocationIds = invocationIds;
        this.events = new EventBuilder(settings);
        this.failedRecords = new FailedRecordEncoder(settings.lambdaArn());
    }

    /** A producer's PutRecord: the record arrives now. */
    public void put(byte[] data) {
        tick();
        // Firehose never hands the function more than the buffer size: a record that would overflow it starts the
        // next batch (a single record larger than the buffer is a batch of its own).
        if (!buffer.isEmpty() && bufferedBytes + data.length > settings.bufferBytes()) {
            flush();
        }
        sequence++;
        buffer.add(new BufferedRecord(EventBuilder.recordId(sequence), sequence, clock.instant(), data.clone()));
        bufferedBytes += data.length;
        if (bufferedBytes >= settings.bufferBytes()) {
            flush();
        }
    }

    /** Lets time pass: flushes a batch whose oldest record has waited the buffer interval, and ages the S3 objects. */
    public void tick() {
        if (!buffer.isEmpty() && !Duration.between(buffer.get(0).arrival(), clock.instant())
                .minus(settings.bufferInterval()).isNegative()) {
            flush();
        }
        recommendations.tick();
        processingFailed.tick();
    }

    /** When the buffered batch is flushed by the interval: the oldest record's arrival + interval. */
    public Instant nextIntervalFlush() {
        return buffer.isEmpty() ? null : buffer.get(0).arrival().plus(settings.bufferInterval());
    }

    /** Hands the buffered records to the function now. */
    public void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        List<BufferedRecord> batch = List.copyOf(buffer);
        buffer.clear();
        bufferedBytes = 0;
        batches++;
        deliver(batch);
    }

    private void deliver(List<BufferedRecord> batch) {
        String invocationId = invocationIds.get();
        KinesisFirehoseEvent event = events.build(invocationId, batch);
        int attempts = settings.retries() + 1;
        String lastError = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            invocations++;
            long started = nanoTime.getAsLong();
            try {
                FirehoseResponse response = processor.invoke(event);
                batchMillis.add((nanoTime.getAsLong() - started) / 1e6);
                Map<String, FirehoseResponseRecord> answers = answers(batch, response);
                write(batch, answers, attempt);
                return;
            } catch (RuntimeException e) {
                batchMillis.add((nanoTime.getAsLong() - started) / 1e6);
                invocationsFailed++;
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.atWarn().addKeyValue("event", "invocation_failed").addKeyValue("correlation_id", invocationId)
                        .addKeyValue("attempt", attempt)
                        .addKeyValue("records", batch.size()).addKeyValue("error", lastError)
                        .log("processor invocation failed");
            }
            if (attempt < attempts) {
                try {
                    backoff.pause(attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        // Retries exhausted: Firehose keeps every record of the batch, with the invocation's error.
        batchesFailed++;
        Instant now = clock.instant();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (BufferedRecord r : batch) {
            out.writeBytes(failedRecords.encode(r, attempts, FailedRecordEncoder.FUNCTION_ERROR, lastError, now));
        }
        failed += batch.size();
        processingFailed.append(batch.get(0).arrival(), out.toByteArray());
        LOG.atError().addKeyValue("event", "batch_processing_failed").addKeyValue("correlation_id", invocationId)
                .addKeyValue("records", batch.size())
                .addKeyValue("attempts", attempts).log("batch sent to processing-failed after the last retry");
    }

    /** Firehose rejects a response that does not answer every record id exactly once, as a failed invocation. */
    private static Map<String, FirehoseResponseRecord> answers(List<BufferedRecord> batch, FirehoseResponse response) {
        if (response == null || response.records() == null) {
            throw new IllegalStateException("the function returned no records");
        }
        Map<String, FirehoseResponseRecord> byId = new HashMap<>();
        for (FirehoseResponseRecord r : response.records()) {
            if (byId.put(r.recordId(), r) != null) {
                throw new IllegalStateException("duplicate record id in the response: " + r.recordId());
            }
        }
        for (BufferedRecord r : batch) {
            if (!byId.containsKey(r.recordId())) {
                throw new IllegalStateException("record id missing from the response: " + r.recordId());
            }
        }
        if (byId.size() != batch.size()) {
            throw new IllegalStateException("the response holds record ids that were not sent");
        }
        return byId;
    }

    private void write(List<BufferedRecord> batch, Map<String, FirehoseResponseRecord> answers, int attempt) {
        ByteArrayOutputStream okData = new ByteArrayOutputStream();
        ByteArrayOutputStream failedData = new ByteArrayOutputStream();
        Instant now = clock.instant();
        Base64.Decoder base64 = Base64.getDecoder();
        for (BufferedRecord r : batch) {
            FirehoseResponseRecord answer = answers.get(r.recordId());
            switch (answer.result()) {
                case Ok -> {
                    okData.writeBytes(base64.decode(answer.data()));
                    ok++;
                }
                case Dropped -> dropped++;
                case ProcessingFailed -> {
                    failedData.writeBytes(failedRecords.encode(r, attempt, FailedRecordEncoder.PROCESSING_FAILED,
                            FailedRecordEncoder.PROCESSING_FAILED_MESSAGE, now));
                    failed++;
                }
            }
        }
        Instant oldest = batch.get(0).arrival();
        recommendations.append(oldest, okData.toByteArray());
        processingFailed.append(oldest, failedData.toByteArray());
    }

    public DeliveryStats stats() {
        return new DeliveryStats(sequence, ok, dropped, failed, batches, invocations, invocationsFailed, batchesFailed,
                batchMillis);
    }

    /** End of stream: the last batch is handed over and the open objects are completed. */
    @Override
    public void close() {
        flush();
        recommendations.close();
        processingFailed.close();
    }
}
