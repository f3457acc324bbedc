package com.scalemodels.recs.replay;

import static com.scalemodels.recs.replay.FailedRecords.FUNCTION_ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/** The command line without AWS: option errors, and a dry run over a local folder. */
class ReplayCliTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReplayCli.run(args, new AwsClients(AnonymousCredentialsProvider.create()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Backoff.NONE);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badOptionValuesExitWith2NamingTheOption() {
        String src = dir.toString();
        List<String[]> cases = List.of(
                new String[] {"--from", "--source", src, "--dry-run", "--from", "2026-11-21T12", "--to", "2026-11-21T10"},
                new String[] {"--from", "--source", src, "--dry-run", "--from", "noon"},
                new String[] {"--stream", "--source", src},
                new String[] {"--stream", "--source", src, "--stream", "no spaces allowed"},
                new String[] {"--region", "--source", src, "--stream", "s", "--region", "Europe"},
                new String[] {"--max-attempts", "--source", src, "--dry-run", "--max-attempts", "0"},
                new String[] {"--checkpoint", "--source", src, "--dry-run", "--checkpoint", dir.resolve("no/such/cp").toString()},
                new String[] {"--report-json", "--source", src, "--dry-run", "--report-json", src},
                new String[] {"--source", "--source", "https://example.com/x", "--dry-run"},
                new String[] {"--source", "--source", "s3://x/prefix", "--dry-run", "--region", "us-east-1"},
                new String[] {"--source", "--dry-run"});
        for (String[] c : cases) {
            String option = c[0];
            Run run = cli(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertThat(run.exitCode()).as(String.join(" ", c) + "\n" + run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(String.join(" ", c)).contains(option);
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void aMissingFolderIsASourceError() {
        Run run = cli("--source", dir.resolve("nothing-here").toString(), "--dry-run");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.SOURCE);
        assertThat(run.err()).contains("--source: folder", "does not exist");
    }

    @Test
    void aDryRunOverAFolderPrintsTheTableAndWritesTheJsonReport() throws Exception {
        Path object = dir.resolve("src/" + FailedRecords.key(Instant.parse("2026-11-21T10:00:00Z"), "a"));
        Files.createDirectories(object.getParent());
        Files.write(object, FailedRecords.object(List.of(
                FailedRecords.line(FailedRecords.session("s1", 100), FUNCTION_ERROR),
                FailedRecords.line(FailedRecords.session("s2", 100), FUNCTION_ERROR))));
        Path json = dir.resolve("report.json");

        Run run = cli("--source", dir.resolve("src").toString(), "--dry-run", "--report-json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("(dry run: nothing written)", FUNCTION_ERROR)
                .containsPattern("would replay \\(dry run\\) +2");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.at("/by_outcome/would_replay").asLong()).isEqualTo(2);
        assertThat(report.at("/by_error_code/" + FUNCTION_ERROR).asLong()).isEqualTo(2);
        assertThat(report.at("/exit_code").asInt()).isZero();
        assertThat(report.at("/dry_run").asBoolean()).isTrue();
    }

    @Test
    void helpListsTheExitCodes() {
        Run run = cli("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--source", "--stream", "--dry-run", "--checkpoint", "Exit codes:",
                "5   some records failed after the last retry");
    }
}
