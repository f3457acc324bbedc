package com.scalemodels.recs.replay;

import static com.scalemodels.recs.replay.FailedRecords.FUNCTION_ERROR;
import static com.scalemodels.recs.replay.FailedRecords.PROCESSING_FAILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalemodels.recs.testing.LogCapture;
import com.scalemodels.recs.testing.LogSchemaCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay's logic over real files (a folder source) and a scripted sink standing in for the stream; the same
 * behaviour against S3Proxy and kinesalite is in S3ToKinesisReplayIT.
 */
class ReplayServiceTest {

    private static final Instant H10 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant H11 = Instant.parse("2026-11-21T11:00:00Z");

    @TempDir
    Path root;

    @TempDir
    Path work;

    private final List<Integer> pauses = new ArrayList<>();

    /** Answers each entry with {@code answer} (by partition key) and records every call's keys. */
    private static final class ScriptedSink implements RecordSink {
        final List<List<String>> calls = new ArrayList<>();
        final Function<PutEntry, PutResult> answer;

        ScriptedSink(Function<PutEntry, PutResult> answer) {
            this.answer = answer;
        }

        @Override
        public String destination() {
            return "scripted";
        }

        @Override
        public List<PutResult> put(List<PutEntry> entries) {
            calls.add(entries.stream().map(PutEntry::partitionKey).toList());
            return entries.stream().map(answer).toList();
        }
    }

    private static PutResult throttled() {
        return new PutResult("ProvisionedThroughputExceededException", "Rate exceeded", true);
    }

    private Path write(Instant hour, String name, byte[] content) throws Exception {
        Path file = root.resolve(FailedRecords.key(hour, name));
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    private static byte[] sessions(String prefix, int n, String errorCode) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(FailedRecords.line(FailedRecords.session(prefix + i, 120), errorCode));
        }
        return FailedRecords.object(lines);
    }

    private ReplayReport replay(RecordSink sink, ReplaySettings settings, Checkpoint checkpoint) {
        return new ReplayService(sink, pauses::add, System::nanoTime).replay(new FolderFailedRecordSource(root),
                settings, checkpoint);
    }

    private static ReplaySettings settings(int maxAttempts) {
        return new ReplaySettings(TimeRange.ALL, Set.of(), false, maxAttempts);
    }

    @Test
    void onlyTheEntriesACallDidNotAcceptAreSentAgainInTheirOrder() throws Exception {
        write(H10, "a", sessions("s", 10, FUNCTION_ERROR));
        Map<String, Integer> seen = new HashMap<>();
        ScriptedSink sink = new ScriptedSink(e -> Set.of("s2", "s7").contains(e.partitionKey())
                && seen.merge(e.partitionKey(), 1, Integer::sum) <= 2 ? throttled() : PutResult.OK);

        ReplayReport report = replay(sink, settings(8), Checkpoint.none());

        assertThat(sink.calls).containsExactly(
                List.of("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9"), List.of("s2", "s7"),
                List.of("s2", "s7"));
        assertThat(pauses).containsExactly(1, 2);
        assertThat(report.count(Outcome.REPLAYED)).isEqualTo(10);
        assertThat(report.puts().entriesRetried()).isEqualTo(4);
        assertThat(report.puts().calls()).isEqualTo(3);
        assertThat(report.exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void theRunsLinesFollowTheLogSchemaOnStderrWithOneRunIdAsCorrelationId() throws Exception {
        write(H10, "a", sessions("s", 4, FUNCTION_ERROR));
        ScriptedSink sink = new ScriptedSink(e -> e.partitionKey().equals("s1") ? throttled() : PutResult.OK);

        LogCapture.Captured captured = LogCapture.run("logback.xml", () -> replay(sink, settings(2), Checkpoint.none()));

        assertThat(captured.stdout()).as("stdout carries only the report").isEmpty();
        List<JsonNode> lines = LogSchemaCheck.parse(captured.stderr());
        LogSchemaCheck.assertSchema(lines, "replay");
        JsonNode done = LogSchemaCheck.event(lines, "replay_done").get(0);
        assertThat(done.path("replayed").asInt()).isEqualTo(3);
        assertThat(done.path("failed").asInt()).isEqualTo(1);
        assertThat(done.path("duration_ms").isIntegralNumber()).isTrue();
        assertThat(lines).extracting(l -> l.path("correlation_id").asText(null)).doesNotContainNull()
                .containsOnly(done.path("correlation_id").asText());
        assertThat(captured.stderr()).doesNotContain("\"customer_number\"");
    }

    @Test
    void aRecordStillFailingAtTheLastAttemptIsReportedAndKeepsItsObjectOutOfTheCheckpoint() throws Exception {
        Path a = write(H10, "a", sessions("a", 3, FUNCTION_ERROR));
        Path b = write(H11, "b", sessions("b", 3, FUNCTION_ERROR));
        ScriptedSink sink = new ScriptedSink(e -> e.partitionKey().equals("b1") ? throttled() : PutResult.OK);
        Path file = work.resolve("checkpoint");

        ReplayReport report;
        try (Checkpoint cp = Checkpoint.open(file, "x", false)) {
            report = replay(sink, settings(3), cp);
        }

        assertThat(sink.calls).hasSize(3);
        assertThat(sink.calls.get(2)).containsExactly("b1");
        assertThat(report.count(Outcome.FAILED)).isEqualTo(1);
        assertThat(report.count(Outcome.REPLAYED)).isEqualTo(5);
        assertThat(report.puts().failedByError()).containsEntry("ProvisionedThroughputExceededException", 1L);
        assertThat(report.exitCode()).isEqualTo(ExitCodes.RECORDS_FAILED);
        assertThat(report.objects().completed()).isEqualTo(1);
        assertThat(Files.readAllLines(file)).contains(a.toString()).doesNotContain(b.toString());
    }

    @Test
    void anEntryErrorThatRetryingCannotFixFailsAtOnce() throws Exception {
        write(H10, "a", sessions("s", 2, FUNCTION_ERROR));
        ScriptedSink sink = new ScriptedSink(e -> e.partitionKey().equals("s0")
                ? new PutResult("KMSAccessDeniedException", "no", false) : PutResult.OK);

        ReplayReport report = replay(sink, settings(8), Checkpoint.none());

        assertThat(sink.calls).hasSize(1);
        assertThat(pauses).isEmpty();
        assertThat(report.puts().failedByError()).containsExactly(Map.entry("KMSAccessDeniedException", 1L));
    }

    @Test
    void aStreamThatCannotBeWrittenStopsTheRunBeforeTheNextObject() throws Exception {
        write(H10, "a", sessions("a", 600, FUNCTION_ERROR));
        write(H11, "b", sessions("b", 3, FUNCTION_ERROR));
        ScriptedSink sink = new ScriptedSink(e -> {
            throw ReplayException.stream("--stream: access denied", null);
        });

        ReplayReport report = replay(sink, settings(8), Checkpoint.none());

        assertThat(sink.calls).hasSize(1);
        assertThat(report.stoppedBecause()).isEqualTo("--stream: access denied");
        assertThat(report.exitCode()).isEqualTo(ExitCodes.STREAM);
        assertThat(report.count(Outcome.FAILED)).as("the refused call's 500 and the one read after it")
                .isEqualTo(501);
        assertThat(report.objects().notRead()).isEqualTo(1);
        assertThat(report.objects().completed()).isZero();
    }

    @Test
    void gzipObjectsReadLikePlainOnesAndOtherCompressionsAreReportedUnreadable() throws Exception {
        write(H10, "plain", sessions("p", 2, FUNCTION_ERROR));
        write(H10, "gz.gz", FailedRecords.gzip(sessions("g", 2, FUNCTION_ERROR)));
        Path zip = write(H11, "zip", "PK\u0003\u0004rest-of-a-zip".getBytes(StandardCharsets.ISO_8859_1));
        ScriptedSink sink = new ScriptedSink(e -> PutResult.OK);

        ReplayReport report = replay(sink, settings(8), Checkpoint.none());

        assertThat(sink.calls).singleElement().asList().containsExactlyInAnyOrder("g0", "g1", "p0", "p1");
        assertThat(report.unreadable()).singleElement().satisfies(p -> {
            assertThat(p.object()).isEqualTo(zip.toString());
            assertThat(p.reason()).contains("ZIP-compressed: not supported");
        });
        assertThat(report.exitCode()).isEqualTo(ExitCodes.RECORDS_UNREPLAYABLE);
    }

    @Test
    void theErrorCodeFilterSkipsTheOthersAndCountsEveryCode() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(FailedRecords.line(FailedRecords.session("f", 100), FUNCTION_ERROR));
        lines.add(FailedRecords.line(FailedRecords.session("p", 100), PROCESSING_FAILED));
        write(H10, "a", FailedRecords.object(lines));
        ScriptedSink sink = new ScriptedSink(e -> PutResult.OK);

        ReplayReport report = replay(sink, new ReplaySettings(TimeRange.ALL, Set.of(FUNCTION_ERROR), false, 8),
                Checkpoint.none());

        assertThat(sink.calls).containsExactly(List.of("f"));
        assertThat(report.byErrorCode()).containsExactly(Map.entry(FUNCTION_ERROR, 1L),
                Map.entry(PROCESSING_FAILED, 1L));
        assertThat(report.skippedByReason()).containsExactly(Map.entry(ReplayReport.SKIPPED_FILTERED, 1L));
        assertThat(report.exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aDryRunCountsTheCallsItWouldMakeAndCallsNothing() throws Exception {
        write(H10, "a", sessions("s", 1200, FUNCTION_ERROR));

        ReplayReport report = new ReplayService(null, pauses::add, System::nanoTime).replay(
                new FolderFailedRecordSource(root), new ReplaySettings(TimeRange.ALL, Set.of(), true, 8),
                Checkpoint.none());

        assertThat(report.count(Outcome.WOULD_REPLAY)).isEqualTo(1200);
        assertThat(report.count(Outcome.REPLAYED)).isZero();
        assertThat(report.puts().calls()).isEqualTo(3);
        assertThat(report.destination()).isEqualTo("(no stream)");
        assertThat(report.table()).contains("dry run: nothing written", "would replay (dry run)");
    }

    @Test
    void theTimeRangeSelectsByHourFolderAndAnEmptySelectionNamesTheOptions() throws Exception {
        write(H10, "a", sessions("a", 1, FUNCTION_ERROR));
        write(H11, "b", sessions("b", 1, FUNCTION_ERROR));
        Files.writeString(root.resolve("notes.txt"), "not an object of an hour");
        ScriptedSink sink = new ScriptedSink(e -> PutResult.OK);

        ReplayReport report = replay(sink, new ReplaySettings(new TimeRange(H11, null), Set.of(), false, 8),
                Checkpoint.none());

        assertThat(sink.calls).containsExactly(List.of("b0"));
        assertThat(report.objects().listed()).isEqualTo(3);
        assertThat(report.objects().outsideRange()).isEqualTo(2);
        assertThatThrownBy(() -> replay(sink, new ReplaySettings(new TimeRange(H11.plusSeconds(7200), null),
                Set.of(), false, 8), Checkpoint.none()))
                .isInstanceOf(ReplayException.class).hasMessageContaining("--from/--to: none of the 3 objects")
                .hasMessageContaining("2026-11-21T10:00:00Z to 2026-11-21T11:00:00Z");
    }
}
