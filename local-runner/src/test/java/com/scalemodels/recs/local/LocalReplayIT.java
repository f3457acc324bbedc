package com.scalemodels.recs.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalemodels.recs.local.firehose.Backoff;
import com.scalemodels.recs.local.firehose.BufferedRecord;
import com.scalemodels.recs.local.firehose.FailedRecordEncoder;
import com.scalemodels.recs.local.firehose.FirehoseSettings;
import com.scalemodels.recs.local.firehose.ObjectNames;
import com.scalemodels.recs.replay.ExitCodes;
import com.scalemodels.recs.sampledata.SessionSource;
import com.scalemodels.recs.sampledata.SessionStreamGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./run-local.sh replay} for real: a processing-failed/ folder written with the simulator's own error-record
 * encoder (what a run leaves behind: a failed batch of valid sessions and malformed records, plus a line no
 * Firehose would write), read back with the replay module's folder source, and put through the simulator, the
 * transformation handler and DJL + pgvector inference in a database of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalReplayIT {

    private static final long SEED = 7;
    private static final int SESSIONS = 120;
    private static final Instant ARRIVAL = Instant.parse("2026-11-21T10:15:00Z");

    private final ObjectMapper json = new ObjectMapper();
    private final String pgDatabase = "recs_replay_it_" + ProcessHandle.current().pid() + "_"
            + System.nanoTime() % 100_000;
    private final RepoLayout repo = new RepoLayout(Path.of(System.getProperty("recs.repo.dir", "..")));
    private final List<String> validIds = new ArrayList<>();
    private final List<String> malformedRaw = new ArrayList<>();

    @TempDir
    static Path out;

    @BeforeAll
    void writeAProcessingFailedFolder() throws IOException {
        SessionStreamGenerator generator = new SessionStreamGenerator(SessionSource.fromCsv(repo.sampleCsv()), SEED,
                0.25);
        FirehoseSettings settings = FirehoseSettings.local(512 * 1024, Duration.ofSeconds(60), 3);
        FailedRecordEncoder encoder = new FailedRecordEncoder(settings.lambdaArn());
        ByteArrayOutputStream object = new ByteArrayOutputStream();
        for (int i = 0; i < SESSIONS; i++) {
            SessionStreamGenerator.SessionRecord r = generator.next();
            if (r.malformedCase() == null) {
                validIds.add(json.readTree(r.data()).get("session_id").asText());
            } else {
                malformedRaw.add(Base64.getEncoder().encodeToString(r.data()));
            }
            object.writeBytes(encoder.encode(new BufferedRecord("id-" + i, i, ARRIVAL, r.data()), 4,
                    FailedRecordEncoder.FUNCTION_ERROR, "RuntimeException: vector database down",
                    ARRIVAL.plusSeconds(30)));
        }
        object.writeBytes("{\"errorCode\":\"Lambda.FunctionError\",\"rawData\":\"%%%\"}\n"
                .getBytes(StandardCharsets.UTF_8));
        Path file = out.resolve("processing-failed").resolve(ObjectNames.key(ObjectNames.PROCESSING_FAILED_PREFIX,
                settings.streamName(), ARRIVAL, new UUID(1, 2)));
        Files.createDirectories(file.getParent());
        Files.write(file, object.toByteArray());
        assertThat(malformedRaw).isNotEmpty();
        assertThat(validIds).isNotEmpty();
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        new EmbeddingsStep(LocalServices.fromEnvironment(System.getenv())).dropDatabase(pgDatabase);
    }

    private record Run(int exitCode, String console) {
    }

    private Run replay(String... extra) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LocalReplay replay = new LocalReplay(new PrintStream(console, true, StandardCharsets.UTF_8),
                LocalServices.fromEnvironment(System.getenv()), Backoff.NONE, repo);
        List<String> args = new ArrayList<>(List.of("--out", out.toString(), "--pg-database", pgDatabase,
                "--cache-dir", System.getProperty("recs.djl.cache", out.resolve("cache").toString())));
        args.addAll(List.of(extra));
        int code = new CommandLine(replay).execute(args.toArray(String[]::new));
        return new Run(code, console.toString(StandardCharsets.UTF_8));
    }

    /** Every JSON line of every object under {@code <out>/dir}. */
    private List<JsonNode> records(String dir) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        Path root = out.resolve(dir);
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path object : files.filter(Files::isRegularFile).toList()) {
                    for (String line : Files.readAllLines(object)) {
                        records.add(json.readTree(line));
                    }
                }
            }
        }
        return records;
    }

    @Test
    void aDryRunReportsAndWritesNothingThenTheReplayDeliversEverySessionOnceAndFailsTheMalformedAgain()
            throws IOException {
        Path report = out.resolve("report.json");
        Run dry = replay("--dry-run", "--report-json", report.toString());

        assertThat(dry.exitCode()).as(dry.console()).isEqualTo(ExitCodes.RECORDS_UNREPLAYABLE);
        assertThat(dry.console()).contains("dry run: nothing written").containsPattern(
                "would replay \\(dry run\\) +" + SESSIONS);
        assertThat(out.resolve("replay")).doesNotExist();
        assertThat(json.readTree(report.toFile()).at("/by_outcome/would_replay").asLong()).isEqualTo(SESSIONS);

        Run run = replay("--report-json", report.toString());

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCodes.RECORDS_UNREPLAYABLE);
        JsonNode r = json.readTree(report.toFile());
        assertThat(r.at("/by_outcome/replayed").asLong()).isEqualTo(SESSIONS);
        assertThat(r.at("/by_outcome/undecodable").asLong()).isEqualTo(1);
        assertThat(r.get("by_error_code").get(FailedRecordEncoder.FUNCTION_ERROR).asLong()).isEqualTo(SESSIONS + 1);
        assertThat(run.console()).contains("[2/3] Replay", SESSIONS + " records replayed → " + validIds.size()
                + " Ok, " + malformedRaw.size() + " ProcessingFailed", "undecodable records (1)");
        List<String> recommended = new ArrayList<>();
        for (JsonNode record : records("replay/recommendations")) {
            assertThat(record.get("recommended_items")).isNotEmpty();
            recommended.add(record.get("session_id").asText());
        }
        List<String> failedAgain = new ArrayList<>();
        for (JsonNode record : records("replay/processing-failed/processing-failed")) {
            assertThat(record.get("errorCode").asText()).isEqualTo(FailedRecordEncoder.PROCESSING_FAILED);
            failedAgain.add(record.get("rawData").asText());
        }
        assertThat(recommended).containsExactlyInAnyOrderElementsOf(validIds);
        assertThat(failedAgain).containsExactlyInAnyOrderElementsOf(malformedRaw);
        assertThat(out.resolve("replay/replay.log")).isNotEmptyFile();
    }

    @Test
    void aFolderWithoutProcessingFailedIsNamedAndBadOptionsExitWith2() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LocalReplay replay = new LocalReplay(new PrintStream(console, true, StandardCharsets.UTF_8),
                LocalServices.fromEnvironment(System.getenv()), Backoff.NONE, repo);

        int missing = new CommandLine(replay).execute("--out", out.resolve("elsewhere").toString());
        int badRange = new CommandLine(replay).execute("--out", out.toString(), "--from", "2026-11-21T12",
                "--to", "2026-11-21T10");

        assertThat(missing).isEqualTo(ExitCodes.SOURCE);
        assertThat(badRange).isEqualTo(ExitCodes.USAGE);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("error: --out: folder", "does not exist",
                "error: --from (2026-11-21T12:00:00Z) must be before --to");
    }
}
