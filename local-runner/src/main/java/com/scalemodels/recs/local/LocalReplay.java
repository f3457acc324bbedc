package com.scalemodels.recs.local;

import com.scalemodels.recs.local.firehose.Backoff;
import com.scalemodels.recs.local.firehose.DeliveryStats;
import com.scalemodels.recs.local.firehose.FirehoseSettings;
import com.scalemodels.recs.replay.Checkpoint;
import com.scalemodels.recs.replay.ExitCodes;
import com.scalemodels.recs.replay.FolderFailedRecordSource;
import com.scalemodels.recs.replay.Outcome;
import com.scalemodels.recs.replay.ReplayCli;
import com.scalemodels.recs.replay.ReplayException;
import com.scalemodels.recs.replay.ReplayReport;
import com.scalemodels.recs.replay.ReplayService;
import com.scalemodels.recs.replay.ReplaySettings;
import com.scalemodels.recs.replay.TimeRange;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./run-local.sh replay}: the failed-records replay on this machine. Reads {@code <out>/processing-failed/}
 * (what a run wrote) with the replay's folder source and decoder, and puts the records back through the Firehose
 * simulator, the transformation handler and in-process inference, writing to {@code <out>/replay/}. Prints the same
 * report as the AWS command.
 */
@Command(name = "run-local.sh replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replay a local run's processing-failed/ records through the Firehose simulator and the"
                + " transformation + inference path, into <out>/replay/ (cleared first).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every selected record replayed (--dry-run: read)",
            "1:unexpected failure (details in <out>/replay/replay.log)",
            "2:bad option value",
            "3:no processing-failed/ objects under --out (or none in --from/--to)",
            "6:the rest replayed, but some records are undecodable or too large (listed)"})
public final class LocalReplay implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(LocalReplay.class);
    /** The runner's Firehose defaults, which are Terraform's: 0.5 MB / 60 s processor buffer, 3 retries. */
    private static final FirehoseSettings FIREHOSE = FirehoseSettings.local(512 * 1024, Duration.ofSeconds(60), 3);
    /** The simulator never refuses a record, so the replay never waits to retry. */
    private static final com.scalemodels.recs.replay.Backoff NO_RETRY_WAIT = com.scalemodels.recs.replay.Backoff.NONE;

    @Option(names = "--out", defaultValue = "out", description = "The run's output folder (default: ./${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--pg-database", defaultValue = "recs_local", description = "PostgreSQL database with the"
            + " embeddings; loaded first if that model version is not live (default: ${DEFAULT-VALUE}).")
    String pgDatabase;

    @Option(names = "--cache-dir", description = "Where libtorch is extracted (default: <out>/cache).")
    Path cacheDir;

    @Option(names = "--from", paramLabel = "TIME", converter = ReplayCli.InstantConverter.class,
            description = "Only objects whose hour folder (UTC) ends after this, e.g. 2026-11-21T10.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = ReplayCli.InstantConverter.class,
            description = "Only objects whose hour folder (UTC) starts before this.")
    Instant to;

    @Option(names = "--error-code", paramLabel = "CODE", description = "Only records with this errorCode"
            + " (repeatable).")
    List<String> errorCodes = new ArrayList<>();

    @Option(names = "--dry-run", description = "Read, decode and report; load no model, write nothing.")
    boolean dryRun;

    @Option(names = "--report-json", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path reportJson;

    private final PrintStream console;
    private final LocalServices services;
    private final Backoff processorBackoff;
    private final RepoLayout repo;

    /** @param processorBackoff the simulator's wait between retries of a failed processor invocation */
    public LocalReplay(PrintStream console, LocalServices services, Backoff processorBackoff, RepoLayout repo) {
        this.console = console;
        this.services = services;
        this.processorBackoff = processorBackoff;
        this.repo = repo;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalReplay(System.out, LocalServices.fromEnvironment(System.getenv()),
                Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(5)), RepoLayout.locate()))
                .execute(args));
    }

    @Override
    public Integer call() {
        OutputFolder folder = new OutputFolder(out);
        ReplaySettings settings;
        try {
            LocalServices.checkDatabaseName(pgDatabase);
            settings = new ReplaySettings(new TimeRange(from, to), new HashSet<>(errorCodes), dryRun,
                    ReplaySettings.DEFAULT_MAX_ATTEMPTS);
        } catch (ReplayException | IllegalArgumentException e) {
            console.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        FolderFailedRecordSource source = new FolderFailedRecordSource(folder.processingFailed());
        try {
            ReplayReport report;
            if (dryRun) {
                report = new ReplayService(null, NO_RETRY_WAIT, System::nanoTime)
                        .replay(source, settings, Checkpoint.none());
                console.print(report.table());
            } else {
                report = replay(folder, source, settings);
            }
            if (reportJson != null) {
                Files.writeString(reportJson, report.json(), StandardCharsets.UTF_8);
            }
            return report.exitCode();
        } catch (ReplayException e) {
            console.println("error: " + e.getMessage().replace("--source: ", "--out: "));
            return e.exitCode();
        } catch (Exception e) {
            LOG.error("replay failed", e);
            console.println("      ✗ failed: " + e.getMessage());
            console.println("      details: " + folder.replay().resolve("replay.log"));
            return ExitCodes.FAILURE;
        }
    }

    private ReplayReport replay(OutputFolder folder, FolderFailedRecordSource source, ReplaySettings settings)
            throws Exception {
        source.list(); // a missing or empty folder fails here, before the output is cleared and the model loaded
        Path target = folder.replay();
        OutputFolder.deleteRecursively(target);
        Files.createDirectories(target);
        PipelineLogging.toFile(target.resolve("replay.log"));
        Path cache = cacheDir == null ? folder.cache() : cacheDir.toAbsolutePath();
        Progress progress = new Progress(console, 3);

        progress.step("Embeddings: sample ML artifacts → PostgreSQL " + pgDatabase + " (pgvector)");
        EmbeddingsResult embeddings = new EmbeddingsStep(services).run(pgDatabase, repo.sampleArtifacts(),
                cache.resolve("artifacts"), false);
        progress.done(Duration.ofNanos((long) (embeddings.seconds() * 1e9)), "%s: model %s", embeddings.status(),
                embeddings.modelVersion());

        progress.step("Replay: " + folder.processingFailed() + " → Firehose simulator → transformation + inference → "
                + target);
        progress.detail("loading the model (DJL + libtorch)");
        ReplayReport report;
        DeliveryStats delivery;
        List<Path> recommendations;
        List<Path> failed;
        long started = System.nanoTime();
        try (LocalFirehose local = LocalFirehose.start(services, pgDatabase, repo.sampleArtifacts(), cache, FIREHOSE,
                target, Clock.systemUTC(), processorBackoff)) {
            report = new ReplayService(new SimulatorSink(local.simulator(), "Firehose simulator → " + target),
                    NO_RETRY_WAIT, System::nanoTime)
                    .replay(source, settings, Checkpoint.none());
            local.simulator().close(); // the last batch and the open objects, before the figures
            delivery = local.simulator().stats();
            recommendations = local.recommendations().objects();
            failed = local.processingFailed().objects();
        }
        progress.done(Duration.ofNanos(System.nanoTime() - started), "%d records replayed → %d Ok, %d"
                + " ProcessingFailed, %d Dropped in %d batches", report.count(Outcome.REPLAYED), delivery.ok(),
                delivery.processingFailed(), delivery.dropped(), delivery.batches());

        progress.step("Report");
        progress.line(report.table());
        progress.line("Outputs");
        progress.line("  recommendations    " + target.resolve("recommendations") + " (" + recommendations.size()
                + " objects)");
        progress.line("  processing-failed  " + target.resolve("processing-failed") + " (" + failed.size()
                + " objects)");
        progress.line("  log                " + target.resolve("replay.log"));
        LOG.atInfo().addKeyValue("event", "local_replay_done").addKeyValue("replayed",
                report.count(Outcome.REPLAYED)).addKeyValue("ok", delivery.ok())
                .addKeyValue("processing_failed", delivery.processingFailed()).log("local replay done");
        return report;
    }
}
