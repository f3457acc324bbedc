package com.scalemodels.recs.replay;

import static com.scalemodels.recs.replay.FailedRecords.FUNCTION_ERROR;
import static com.scalemodels.recs.replay.FailedRecords.PROCESSING_FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalemodels.recs.testing.S3ApiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The replay end to end against real servers: objects in an S3 API server (S3Proxy), records put on kinesalite and
 * read back from it. Each test has its own bucket and stream. Partial failures come from {@link PutRecordsFaults}.
 */
class S3ToKinesisReplayIT {

    @RegisterExtension
    @Order(1)
    static final Kinesalite KINESIS = new Kinesalite();

    @RegisterExtension
    @Order(2)
    static final S3ApiServer S3 = new S3ApiServer();

    private static final Instant H09 = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant H10 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant H11 = Instant.parse("2026-11-21T11:00:00Z");
    private static final Instant H12 = Instant.parse("2026-11-21T12:00:00Z");
    private static final AwsClients CLIENTS = new AwsClients(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3ApiServer.ACCESS_KEY, S3ApiServer.SECRET_KEY)));

    private final ObjectMapper json = new ObjectMapper();
    private final List<Integer> pauses = new CopyOnWriteArrayList<>();
    private final Backoff recordingBackoff = pauses::add;

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {
    }

    /** The CLI as an operator runs it, pointed at the local servers. */
    private Run cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--region", "us-east-1", "--s3-endpoint", S3.endpoint().toString(), "--kinesis-endpoint",
                KINESIS.endpoint().toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReplayCli.run(all.toArray(String[]::new), CLIENTS, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), recordingBackoff);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String newBucket() {
        String bucket = unique("failed");
        S3.createBucket(bucket);
        return bucket;
    }

    private static String unique(String what) {
        return what + "-" + Long.toHexString(System.nanoTime());
    }

    /** What the stream holds: partition key → data, and how often each data was put. */
    private static Map<String, Integer> countsByData(List<Record> records) {
        Map<String, Integer> counts = new HashMap<>();
        for (Record r : records) {
            counts.merge(HexFormat.of().formatHex(r.data().asByteArray()), 1, Integer::sum);
        }
        return counts;
    }

    private static String hex(byte[] data) {
        return HexFormat.of().formatHex(data);
    }

    private static String sha256Prefix(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, 16);
    }

    /** Four hours of objects: 09 and 12 outside the range used below, 10 plain with bad lines, 11 GZIP. */
    private record Fixture(String bucket, Map<String, byte[]> expectedByKey, byte[] binary) {
    }

    private Fixture fourHours() {
        String bucket = newBucket();
        Map<String, byte[]> expected = new HashMap<>();
        List<String> h10 = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            byte[] s = FailedRecords.session("s10-" + i, 300);
            expected.put("s10-" + i, s);
            h10.add(FailedRecords.line(s, PROCESSING_FAILED));
        }
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        h10.add(FailedRecords.line(binary, FUNCTION_ERROR));
        h10.add("this line is not JSON\n");
        h10.add("{\"errorCode\":\"" + PROCESSING_FAILED + "\",\"rawData\":\"!!not base64!!\"}\n");
        List<String> h11 = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] s = FailedRecords.session("s11-" + i, 500);
            expected.put("s11-" + i, s);
            h11.add(FailedRecords.line(s, FUNCTION_ERROR));
        }
        S3.put(bucket, FailedRecords.key(H09, "a"), FailedRecords.object(List.of(
                FailedRecords.line(FailedRecords.session("s09", 100), PROCESSING_FAILED))));
        S3.put(bucket, FailedRecords.key(H10, "b"), FailedRecords.object(h10));
        S3.put(bucket, FailedRecords.key(H11, "c.gz"), FailedRecords.gzip(FailedRecords.object(h11)));
        S3.put(bucket, FailedRecords.key(H12, "d"), FailedRecords.object(List.of(
                FailedRecords.line(FailedRecords.session("s12", 100), PROCESSING_FAILED))));
        return new Fixture(bucket, expected, binary);
    }

    @Test
    void replaysTheSelectedHoursByteForByteReportsWhatItCannotAndARerunWithTheCheckpointPutsNothing()
            throws Exception {
        Fixture f = fourHours();
        String stream = unique("sessions");
        KINESIS.createStream(stream, 2);
        Path report = tmp.resolve("report.json");
        Path checkpoint = tmp.resolve("checkpoint");
        String[] args = {"--source", "s3://" + f.bucket() + "/" + FailedRecords.PREFIX, "--stream", stream,
            "--from", "2026-11-21T10", "--to", "2026-11-21T12", "--checkpoint", checkpoint.toString(),
            "--report-json", report.toString()};

        Run run = cli(args);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.RECORDS_UNREPLAYABLE);
        List<Record> onStream = KINESIS.readAll(stream);
        Map<String, byte[]> byKey = new HashMap<>();
        for (Record r : onStream) {
            assertThat(byKey.put(r.partitionKey(), r.data().asByteArray())).as("key %s put once", r.partitionKey())
                    .isNull();
        }
        Map<String, byte[]> expected = new HashMap<>(f.expectedByKey());
        expected.put(sha256Prefix(f.binary()), f.binary());
        assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((k, data) -> assertThat(hex(byKey.get(k))).as(k).isEqualTo(hex(data)));

        JsonNode r = json.readTree(report.toFile());
        assertThat(r.at("/by_outcome/replayed").asLong()).isEqualTo(151);
        assertThat(r.at("/by_outcome/undecodable").asLong()).isEqualTo(2);
        assertThat(r.at("/by_outcome/failed").asLong()).isZero();
        assertThat(r.get("by_error_code").get(PROCESSING_FAILED).asLong()).isEqualTo(101);
        assertThat(r.get("by_error_code").get(FUNCTION_ERROR).asLong()).isEqualTo(51);
        assertThat(r.get("by_error_code").get("(not JSON)").asLong()).isEqualTo(1);
        assertThat(r.at("/objects/listed").asLong()).isEqualTo(4);
        assertThat(r.at("/objects/outside_range").asLong()).isEqualTo(2);
        assertThat(r.at("/objects/completed").asLong()).isEqualTo(2);
        String h10 = "s3://" + f.bucket() + "/" + FailedRecords.key(H10, "b");
        assertThat(r.get("undecodable")).hasSize(2);
        assertThat(r.get("undecodable").get(0).get("object").asText()).isEqualTo(h10);
        assertThat(r.get("undecodable").get(0).get("line").asLong()).isEqualTo(102);
        assertThat(r.get("undecodable").get(1).get("line").asLong()).isEqualTo(103);
        assertThat(r.get("undecodable").get(1).get("reason").asText()).contains("base64");
        assertThat(run.out()).contains("replayed", "151", "undecodable", h10 + ":102");
        assertThat(Files.readAllLines(checkpoint)).contains(h10,
                "s3://" + f.bucket() + "/" + FailedRecords.key(H11, "c.gz"));

        Run again = cli(args);

        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("2 already done (checkpoint)");
        assertThat(KINESIS.readAll(stream)).hasSize(151);
    }

    @Test
    void aDryRunReadsAndReportsButWritesNothing() {
        Fixture f = fourHours();
        String stream = unique("sessions");
        KINESIS.createStream(stream, 1);
        Path checkpoint = tmp.resolve("dry-checkpoint");

        Run run = cli("--source", "s3://" + f.bucket() + "/" + FailedRecords.PREFIX, "--stream", stream, "--dry-run",
                "--checkpoint", checkpoint.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.RECORDS_UNREPLAYABLE);
        assertThat(KINESIS.readAll(stream)).isEmpty();
        assertThat(checkpoint).doesNotExist();
        assertThat(run.out()).contains("dry run: nothing written").containsPattern("would replay \\(dry run\\) +153");
    }

    private KinesisClient faultyClient(PutRecordsFaults faults) {
        return KinesisClient.builder().endpointOverride(KINESIS.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(Kinesalite.CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).addExecutionInterceptor(faults))
                .build();
    }

    private ReplayReport replay(KinesisClient client, String stream, String bucket, int maxAttempts,
            Checkpoint checkpoint) {
        RecordSink sink = KinesisRecordSink.open(client, stream);
        return new ReplayService(sink, recordingBackoff, System::nanoTime).replay(
                new S3FailedRecordSource(S3.client(), bucket, FailedRecords.PREFIX),
                new ReplaySettings(TimeRange.ALL, Set.of(), false, maxAttempts), checkpoint);
    }

    @Test
    void entriesTheStreamThrottlesAreRetriedAloneAndLandExactlyOnce() {
        String bucket = newBucket();
        List<String> lines = new ArrayList<>();
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            byte[] s = FailedRecords.session("s-" + i, 250);
            lines.add(FailedRecords.line(s, FUNCTION_ERROR));
            expected.put(hex(s), "s-" + i);
        }
        S3.put(bucket, FailedRecords.key(H10, "a"), FailedRecords.object(lines));
        String stream = unique("sessions");
        KINESIS.createStream(stream, 4);
        PutRecordsFaults faults = new PutRecordsFaults(
                PutRecordsFaults.firstTimes(Set.of("s-7", "s-150", "s-299"), 1), "unused");

        ReplayReport report;
        try (KinesisClient client = faultyClient(faults)) {
            report = replay(client, stream, bucket, 8, Checkpoint.none());
        }

        assertThat(faults.calls()).extracting(c -> c.partitionKeys().size()).containsExactly(300, 3);
        assertThat(faults.calls().get(1).partitionKeys()).containsExactly("s-7", "s-150", "s-299");
        assertThat(pauses).containsExactly(1);
        assertThat(report.count(Outcome.REPLAYED)).isEqualTo(300);
        assertThat(report.puts().entriesRetried()).isEqualTo(3);
        assertThat(report.puts().calls()).isEqualTo(2);
        assertThat(report.exitCode()).isEqualTo(ExitCodes.OK);
        Map<String, Integer> onStream = countsByData(KINESIS.readAll(stream));
        assertThat(onStream.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(onStream.values()).allMatch(n -> n == 1);
    }

    @Test
    void callsStayWithin500RecordsAnd5MiBAndARecordOver1MiBIsReportedNotPut() {
        String bucket = newBucket();
        List<String> lines = new ArrayList<>();
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            byte[] s = FailedRecords.session("big-" + i, 900 * 1024);
            lines.add(FailedRecords.line(s, FUNCTION_ERROR));
            expected.put(hex(s), 1);
        }
        for (int i = 0; i < 1200; i++) {
            byte[] s = FailedRecords.session("small-" + i, 200);
            lines.add(FailedRecords.line(s, FUNCTION_ERROR));
            expected.put(hex(s), 1);
        }
        byte[] atLimit = FailedRecords.session("edge", 1024 * 1024 - "edge".length());
        lines.add(FailedRecords.line(atLimit, FUNCTION_ERROR));
        expected.put(hex(atLimit), 1);
        lines.add(FailedRecords.line(FailedRecords.session("over", 1024 * 1024 - "over".length() + 1),
                FUNCTION_ERROR));
        S3.put(bucket, FailedRecords.key(H10, "a"), FailedRecords.object(lines));
        String stream = unique("sessions");
        KINESIS.createStream(stream, 2);
        PutRecordsFaults counting = new PutRecordsFaults(e -> false, "unused");

        ReplayReport report;
        try (KinesisClient client = faultyClient(counting)) {
            report = replay(client, stream, bucket, 8, Checkpoint.none());
        }

        assertThat(counting.calls()).allSatisfy(c -> {
            assertThat(c.partitionKeys()).hasSizeBetween(1, 500);
            assertThat(c.bytes()).isLessThanOrEqualTo(5L * 1024 * 1024);
        });
        assertThat(counting.calls()).as("five 900 KiB records share a call").anyMatch(c -> c.partitionKeys().size() == 5
                && c.partitionKeys().stream().allMatch(k -> k.startsWith("big-")));
        assertThat(counting.calls()).as("500 small records share a call").anyMatch(c -> c.partitionKeys().size() == 500);
        assertThat(report.count(Outcome.REPLAYED)).isEqualTo(1207);
        assertThat(report.oversize()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1208);
            assertThat(p.reason()).contains("1048577 bytes");
        });
        assertThat(report.exitCode()).isEqualTo(ExitCodes.RECORDS_UNREPLAYABLE);
        assertThat(countsByData(KINESIS.readAll(stream))).isEqualTo(expected);
    }

    @Test
    void aRerunAfterAPartialFailureWithTheCheckpointReplaysOnlyTheUnfinishedObjectAtLeastOnce() throws Exception {
        String bucket = newBucket();
        Map<String, byte[]> all = new HashMap<>();
        for (String[] object : new String[][] {{"a", "2026-11-21T10:00:00Z"}, {"b", "2026-11-21T11:00:00Z"},
            {"c", "2026-11-21T11:00:00Z"}}) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                byte[] s = FailedRecords.session(object[0] + "-" + i, 300);
                all.put(object[0] + "-" + i, s);
                lines.add(FailedRecords.line(s, FUNCTION_ERROR));
            }
            S3.put(bucket, FailedRecords.key(Instant.parse(object[1]), object[0]), FailedRecords.object(lines));
        }
        String stream = unique("sessions");
        String sink = unique("throttled");
        KINESIS.createStream(stream, 2);
        KINESIS.createStream(sink, 1);
        Predicate<PutRecordsRequestEntry> alwaysB5 = e -> e.partitionKey().equals("b-5");
        Path file = tmp.resolve("checkpoint");
        String fingerprint = new ReplaySettings(TimeRange.ALL, Set.of(), false, 3).fingerprint("kinesis:" + stream);
        PutRecordsFaults faults = new PutRecordsFaults(alwaysB5, sink);

        ReplayReport first;
        try (KinesisClient client = faultyClient(faults); Checkpoint checkpoint = Checkpoint.open(file, fingerprint,
                false)) {
            first = replay(client, stream, bucket, 3, checkpoint);
        }

        assertThat(first.exitCode()).isEqualTo(ExitCodes.RECORDS_FAILED);
        assertThat(first.count(Outcome.FAILED)).isEqualTo(1);
        assertThat(first.puts().failedByError()).containsExactly(Map.entry(PutRecordsFaults.THROTTLED, 1L));
        assertThat(faults.calls()).extracting(c -> c.partitionKeys().size()).containsExactly(60, 1, 1);
        assertThat(pauses).containsExactly(1, 2);
        String uriA = "s3://" + bucket + "/" + FailedRecords.key(Instant.parse("2026-11-21T10:00:00Z"), "a");
        String uriC = "s3://" + bucket + "/" + FailedRecords.key(Instant.parse("2026-11-21T11:00:00Z"), "c");
        assertThat(Files.readAllLines(file)).containsExactly(Checkpoint.HEADER_PREFIX + fingerprint, uriA, uriC);

        ReplayReport second;
        try (Checkpoint checkpoint = Checkpoint.open(file, fingerprint, false)) {
            second = replay(KINESIS.client(), stream, bucket, 3, checkpoint);
        }

        assertThat(second.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(second.objects().alreadyDone()).isEqualTo(2);
        assertThat(second.count(Outcome.REPLAYED)).isEqualTo(20);
        Map<String, Integer> onStream = new HashMap<>();
        for (Record r : KINESIS.readAll(stream)) {
            onStream.merge(r.partitionKey(), 1, Integer::sum);
        }
        all.keySet().forEach(k -> assertThat(onStream.get(k)).as(k)
                .isEqualTo(k.startsWith("b-") && !k.equals("b-5") ? 2 : 1));

        ReplayReport noCheckpoint = replay(KINESIS.client(), stream, bucket, 3, Checkpoint.none());

        assertThat(noCheckpoint.count(Outcome.REPLAYED)).as("without a checkpoint everything goes again").isEqualTo(60);
        assertThat(KINESIS.readAll(stream)).hasSize(59 + 20 + 60);
    }

    @Test
    void aMissingBucketStreamOrEmptySelectionIsNamedWithItsOption() {
        Fixture f = fourHours();
        String stream = unique("sessions");
        KINESIS.createStream(stream, 1);

        Run noBucket = cli("--source", "s3://" + unique("nobucket") + "/x/", "--stream", stream);
        Run noStream = cli("--source", "s3://" + f.bucket() + "/" + FailedRecords.PREFIX, "--stream", "no-such-stream");
        Run noObjects = cli("--source", "s3://" + f.bucket() + "/processing-failed/other/", "--stream", stream);
        Run noHours = cli("--source", "s3://" + f.bucket() + "/" + FailedRecords.PREFIX, "--stream", stream, "--from",
                "2027-01-01");

        assertThat(noBucket.exitCode()).isEqualTo(ExitCodes.SOURCE);
        assertThat(noBucket.err()).contains("--source: bucket", "does not exist");
        assertThat(noStream.exitCode()).isEqualTo(ExitCodes.STREAM);
        assertThat(noStream.err()).contains("--stream: no stream 'no-such-stream'");
        assertThat(noObjects.exitCode()).isEqualTo(ExitCodes.SOURCE);
        assertThat(noObjects.err()).contains("--source: no objects under");
        assertThat(noHours.exitCode()).isEqualTo(ExitCodes.SOURCE);
        assertThat(noHours.err()).contains("--from/--to: none of the 4 objects", "2026-11-21T09:00:00Z to"
                + " 2026-11-21T12:00:00Z");
        assertThat(KINESIS.readAll(stream)).isEmpty();
    }
}
