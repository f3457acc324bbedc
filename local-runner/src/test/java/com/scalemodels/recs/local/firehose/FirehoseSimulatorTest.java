package com.scalemodels.recs.local.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirehoseSimulatorTest {

    private static final Instant T0 = Instant.parse("2026-11-21T23:59:58.250Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    private final MutableClock clock = new MutableClock(T0);
    private final List<Integer> pauses = new ArrayList<>();
    private final AtomicLong uuids = new AtomicLong();
    private DestinationWriter recommendations;
    private DestinationWriter failed;

    private FirehoseSimulator simulator(FakeProcessor processor, long bufferBytes, int retries) {
        FirehoseSettings settings = FirehoseSettings.local(bufferBytes, Duration.ofSeconds(60), retries);
        recommendations = new DestinationWriter(out, ObjectNames.RECOMMENDATIONS_PREFIX, settings, clock,
                () -> new UUID(0, uuids.incrementAndGet()));
        failed = new DestinationWriter(out, ObjectNames.PROCESSING_FAILED_PREFIX, settings, clock,
                () -> new UUID(0, uuids.incrementAndGet()));
        AtomicLong invocation = new AtomicLong();
        return new FirehoseSimulator(settings, processor, recommendations, failed, clock, () -> 0L,
                pauses::add, () -> "inv-" + invocation.incrementAndGet());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBatchNeverGrowsPastTheBufferSize() {
        FakeProcessor processor = new FakeProcessor(0);
        try (FirehoseSimulator sim = simulator(processor, 100, 3)) {
            for (int i = 0; i < 10; i++) {
                sim.put(bytes("r".repeat(30)));
            }
            assertThat(processor.batchSizes()).containsExactly(3, 3, 3);
        }
        assertThat(processor.batchSizes()).containsExactly(3, 3, 3, 1);
    }

    @Test
    void aBatchFlushesAsSoonAsItReachesTheBufferSize() {
        FakeProcessor processor = new FakeProcessor(0);
        FirehoseSimulator sim = simulator(processor, 100, 3);
        sim.put(bytes("r".repeat(50)));
        sim.put(bytes("r".repeat(50)));
        assertThat(processor.batchSizes()).containsExactly(2);
        sim.put(bytes("r".repeat(150)));
        assertThat(processor.batchSizes()).as("a record larger than the buffer is a batch of its own")
                .containsExactly(2, 1);
    }

    @Test
    void aBatchFlushesWhenItsOldestRecordHasWaitedTheInterval() {
        FakeProcessor processor = new FakeProcessor(0);
        FirehoseSimulator sim = simulator(processor, 1_000_000, 3);
        sim.put(bytes("a"));
        clock.advance(Duration.ofSeconds(30));
        sim.put(bytes("b"));
        clock.advance(Duration.ofMillis(29_999));
        sim.tick();
        assertThat(processor.events).isEmpty();
        assertThat(sim.nextIntervalFlush()).isEqualTo(T0.plusSeconds(60));
        clock.advance(Duration.ofMillis(1));
        sim.tick();
        assertThat(processor.batchSizes()).containsExactly(2);
        sim.put(bytes("c"));
        clock.advance(Duration.ofSeconds(60));
        sim.put(bytes("d"));
        assertThat(processor.batchSizes()).as("a put after the interval flushes the old batch first")
                .containsExactly(2, 1);
    }

    @Test
    void theEventLooksLikeFirehosesForAKinesisSource() {
        FakeProcessor processor = new FakeProcessor(0);
        try (FirehoseSimulator sim = simulator(processor, 1_000_000, 3)) {
            sim.put(bytes("a"));
            clock.advance(Duration.ofMillis(5));
            sim.put(bytes("b"));
        }
        KinesisFirehoseEvent event = processor.events.get(0);
        assertThat(event).isInstanceOf(SimulatedFirehoseEvent.class);
        assertThat(event.getInvocationId()).isEqualTo("inv-1");
        assertThat(event.getDeliveryStreamArn())
                .isEqualTo("arn:aws:firehose:us-east-1:000000000000:deliverystream/de-c1w4-recommendations");
        assertThat(((SimulatedFirehoseEvent) event).getSourceKinesisStreamArn())
                .startsWith("arn:aws:kinesis:us-east-1:000000000000:stream/");
        assertThat(event.getRegion()).isEqualTo("us-east-1");
        KinesisFirehoseEvent.Record second = event.getRecords().get(1);
        assertThat(FakeProcessor.text(second.getData())).isEqualTo("b");
        assertThat(second.getApproximateArrivalTimestamp()).isEqualTo(T0.toEpochMilli() + 5);
        assertThat(second.getKinesisRecordMetadata()).containsKeys("shardId", "partitionKey", "sequenceNumber",
                "subsequenceNumber", "approximateArrivalTimestamp");
        assertThat(event.getRecords().get(0).getRecordId()).isNotEqualTo(second.getRecordId());
    }

    @Test
    void recordIdsAreUniqueAcrossBatches() {
        FakeProcessor processor = new FakeProcessor(0);
        try (FirehoseSimulator sim = simulator(processor, 10, 3)) {
            for (int i = 0; i < 50; i++) {
                sim.put(bytes("record-" + i));
            }
        }
        HashSet<String> ids = new HashSet<>();
        processor.events.forEach(e -> e.getRecords().forEach(r -> ids.add(r.getRecordId())));
        assertThat(ids).hasSize(50);
    }

    @Test
    void okGoesToRecommendationsFailedToProcessingFailedDroppedNowhere() throws IOException {
        FakeProcessor processor = new FakeProcessor(0);
        FirehoseSimulator sim = simulator(processor, 1_000_000, 3);
        try (sim) {
            sim.put(bytes("one"));
            sim.put(bytes("bad-two"));
            sim.put(bytes("drop-three"));
            sim.put(bytes("four"));
        }
        assertThat(recommendations.objects()).hasSize(1);
        assertThat(Files.readString(recommendations.objects().get(0))).isEqualTo("one!\nfour!\n");
        List<String> failedLines = Files.readAllLines(failed.objects().get(0));
        assertThat(failedLines).hasSize(1);
        JsonNode line = JSON.readTree(failedLines.get(0));
        assertThat(line.fieldNames()).toIterable().containsExactly("attemptsMade", "arrivalTimestamp", "errorCode",
                "errorMessage", "attemptEndingTimestamp", "rawData", "lambdaArn");
        assertThat(line.get("errorCode").asText()).isEqualTo("Lambda.ProcessingFailed");
        assertThat(line.get("attemptsMade").asInt()).isEqualTo(1);
        assertThat(line.get("rawData").asText()).isEqualTo(FakeProcessor.base64("bad-two"));
        assertThat(line.get("arrivalTimestamp").asLong()).isEqualTo(T0.toEpochMilli());
        assertThat(line.get("lambdaArn").asText()).endsWith(":function:de-c1w4-transformation:live");
        DeliveryStats stats = sim.stats();
        assertThat(stats.recordsIn()).isEqualTo(4);
        assertThat(stats.ok()).isEqualTo(2);
        assertThat(stats.processingFailed()).isEqualTo(1);
        assertThat(stats.dropped()).isEqualTo(1);
        assertThat(stats.batches()).isEqualTo(1);
    }

    @Test
    void aFailedInvocationIsRetriedAndThenSucceeds() throws IOException {
        FakeProcessor processor = new FakeProcessor(2);
        FirehoseSimulator sim = simulator(processor, 1_000_000, 3);
        try (sim) {
            sim.put(bytes("one"));
            sim.put(bytes("bad-two"));
        }
        assertThat(processor.events).hasSize(3);
        assertThat(processor.events).extracting(KinesisFirehoseEvent::getInvocationId).containsOnly("inv-1");
        assertThat(pauses).containsExactly(1, 2);
        assertThat(Files.readString(recommendations.objects().get(0))).isEqualTo("one!\n");
        JsonNode line = JSON.readTree(Files.readAllLines(failed.objects().get(0)).get(0));
        assertThat(line.get("attemptsMade").asInt()).isEqualTo(3);
        assertThat(sim.stats().invocationsFailed()).isEqualTo(2);
        assertThat(sim.stats().batchesFailed()).isZero();
        assertThat(sim.stats().batchMillis()).hasSize(3);
    }

    @Test
    void afterTheLastRetryEveryRecordGoesToProcessingFailedAsAFunctionError() throws IOException {
        FakeProcessor processor = new FakeProcessor(Integer.MAX_VALUE);
        FirehoseSimulator sim = simulator(processor, 1_000_000, 3);
        try (sim) {
            sim.put(bytes("one"));
            sim.put(bytes("two"));
        }
        assertThat(processor.events).hasSize(4);
        assertThat(pauses).containsExactly(1, 2, 3);
        assertThat(recommendations.objects()).isEmpty();
        List<String> lines = Files.readAllLines(failed.objects().get(0));
        assertThat(lines).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            assertThat(line.get("errorCode").asText()).isEqualTo("Lambda.FunctionError");
            assertThat(line.get("attemptsMade").asInt()).isEqualTo(4);
            assertThat(line.get("errorMessage").asText()).contains("inference unavailable");
            assertThat(line.get("rawData").asText()).isEqualTo(FakeProcessor.base64(i == 0 ? "one" : "two"));
        }
        assertThat(sim.stats().processingFailed()).isEqualTo(2);
        assertThat(sim.stats().batchesFailed()).isEqualTo(1);
    }

    @Test
    void zeroRetriesMeansOneAttempt() {
        FakeProcessor processor = new FakeProcessor(Integer.MAX_VALUE);
        try (FirehoseSimulator sim = simulator(processor, 1_000_000, 0)) {
            sim.put(bytes("one"));
        }
        assertThat(processor.events).hasSize(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aResponseThatMissesARecordIdIsAFailedInvocation() {
        FakeProcessor processor = new FakeProcessor(0);
        processor.omitFirstRecord = true;
        FirehoseSimulator sim = simulator(processor, 1_000_000, 1);
        try (sim) {
            sim.put(bytes("one"));
            sim.put(bytes("two"));
        }
        assertThat(processor.events).hasSize(2);
        assertThat(sim.stats().processingFailed()).isEqualTo(2);
        assertThat(sim.stats().ok()).isZero();
    }

    @Test
    void objectsAreNamedLikeFirehosesFromTheOldestRecordsArrivalInUtc() {
        FakeProcessor processor = new FakeProcessor(0);
        try (FirehoseSimulator sim = simulator(processor, 1_000_000, 3)) {
            sim.put(bytes("one"));
            clock.advance(Duration.ofSeconds(3)); // into the next day: the object keeps the oldest record's hour
            sim.put(bytes("bad"));
        }
        assertThat(out.relativize(recommendations.objects().get(0)).toString()).isEqualTo(
                "recommendations/2026/11/21/23/de-c1w4-recommendations-1-2026-11-21-23-59-58-"
                        + new UUID(0, 1));
        assertThat(out.relativize(failed.objects().get(0)).toString()).isEqualTo(
                "processing-failed/processing-failed/2026/11/21/23/de-c1w4-recommendations-1-2026-11-21-23-59-58-"
                        + new UUID(0, 2));
    }

    @Test
    void anObjectIsCompletedWhenTheS3BufferIntervalPasses() {
        FakeProcessor processor = new FakeProcessor(0);
        try (FirehoseSimulator sim = simulator(processor, 1, 3)) {
            sim.put(bytes("one"));
            clock.advance(Duration.ofSeconds(299));
            sim.tick();
            assertThat(recommendations.objects()).isEmpty();
            clock.advance(Duration.ofSeconds(1));
            sim.tick();
            assertThat(recommendations.objects()).hasSize(1);
            sim.put(bytes("two"));
        }
        assertThat(recommendations.objects()).hasSize(2);
        assertThat(out.relativize(recommendations.objects().get(1)).toString())
                .contains("/2026/11/22/00/de-c1w4-recommendations-1-2026-11-22-00-04-58-");
    }

    @Test
    void percentilesUseTheNearestRank() {
        DeliveryStats stats = new DeliveryStats(0, 0, 0, 0, 0, 0, 0, 0,
                List.of(5.0, 1.0, 4.0, 2.0, 3.0, 6.0, 7.0, 8.0, 9.0, 10.0));
        assertThat(stats.percentileMillis(50)).isEqualTo(5.0);
        assertThat(stats.percentileMillis(99)).isEqualTo(10.0);
        assertThat(new DeliveryStats(0, 0, 0, 0, 0, 0, 0, 0, List.of()).percentileMillis(99)).isZero();
    }
}
