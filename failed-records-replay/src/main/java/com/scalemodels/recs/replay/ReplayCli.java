package com.scalemodels.recs.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Command line: put Firehose processing-failed records back on the Kinesis stream. */
@Command(name = "failed-records-replay", mixinStandardHelpOptions = true, version = "failed-records-replay 1.0.0",
        sortOptions = false,
        description = "Reads the objects Firehose wrote under processing-failed/ (JSON lines; GZIP read too), decodes"
                + " each record's rawData and puts it back on the Kinesis stream with PutRecords (at most 500 records"
                + " and 5 MiB per call), retrying only the entries the stream did not accept. Prints a report: records"
                + " by errorCode, by outcome, and those that cannot be replayed. Delivery is at-least-once: with"
                + " --checkpoint a re-run skips the objects already done. AWS credentials: the default chain"
                + " (environment, profile, SSO, container or instance role).%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every selected record replayed (--dry-run: read), or all done already per --checkpoint",
            "1:unexpected failure",
            "2:bad option value (named in the message); nothing read or written",
            "3:source unreadable (no such bucket or folder, access denied) or no object selected",
            "4:stream unusable (no such stream, not active, access denied): stopped, see the report",
            "5:some records failed after the last retry: re-run with the same --checkpoint",
            "6:the rest replayed, but some records are undecodable or too large, or objects unreadable"})
public final class ReplayCli implements Callable<Integer> {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern STREAM_ARN = Pattern.compile("arn:aws[a-z-]*:kinesis:([a-z0-9-]+):\\d{12}:stream/.+");
    private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");

    @Option(names = "--source", required = true, paramLabel = "s3://BUCKET/PREFIX|DIR",
            description = "Where the processing-failed objects are: an S3 prefix, e.g."
                    + " s3://my-recs-bucket/processing-failed/processing-failed/, or a local folder with the same"
                    + " layout (e.g. after aws s3 sync).")
    private String source;

    @Option(names = "--stream", paramLabel = "NAME|ARN",
            description = "The Kinesis data stream to put the records on (required unless --dry-run).")
    private String stream;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: the stream ARN's, else AWS_REGION or the"
            + " profile's).")
    private String region;

    @Option(names = "--from", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Only objects whose hour folder (UTC) ends after this: 2026-11-21T10 (an hour),"
                    + " 2026-11-21T10:30Z, 2026-11-21.")
    private Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Only objects whose hour folder (UTC) starts before this (exclusive).")
    private Instant to;

    @Option(names = "--error-code", paramLabel = "CODE", description = "Only records with this errorCode, e.g."
            + " Lambda.FunctionError (repeatable; default: all).")
    private List<String> errorCodes = new ArrayList<>();

    @Option(names = "--dry-run", description = "Read, decode and report; put nothing, write no checkpoint.")
    private boolean dryRun;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Objects done so far: read at the start"
            + " (those are skipped), appended to as each object is fully replayed. Re-run with the same file after"
            + " a partial failure.")
    private Path checkpoint;

    @Option(names = "--report-json", paramLabel = "FILE", description = "Also write the report as JSON.")
    private Path reportJson;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "" + ReplaySettings.DEFAULT_MAX_ATTEMPTS,
            description = "Attempts per record, the first included, 1..100 (default: ${DEFAULT-VALUE}); waits"
                    + " double from 100 ms up to 10 s, jittered.")
    private int maxAttempts;

    @Option(names = "--kinesis-endpoint", paramLabel = "URL", description = "A Kinesis-compatible server instead"
            + " of AWS (kinesalite, LocalStack).")
    private URI kinesisEndpoint;

    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "An S3-compatible server instead of AWS"
            + " (path-style).")
    private URI s3Endpoint;

    private final AwsClients aws;
    private final PrintStream out;
    private final Backoff backoff;

    public ReplayCli(AwsClients aws, PrintStream out, Backoff backoff) {
        this.aws = aws;
        this.out = out;
        this.backoff = backoff;
    }

    public static void main(String[] args) {
        Backoff backoff = Backoff.exponentialJitter(Duration.ofMillis(100), Duration.ofSeconds(10), new SecureRandom(),
                d -> Thread.sleep(d.toMillis()));
        System.exit(run(args, AwsClients.defaultChain(), System.out, System.err, backoff));
    }

    public static int run(String[] args, AwsClients aws, PrintStream out, PrintStream err, Backoff backoff) {
        CommandLine cli = new CommandLine(new ReplayCli(aws, out, backoff));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ReplayException r) {
                err.println("failed-records-replay: " + r.getMessage());
                return r.exitCode();
            }
            err.println("failed-records-replay: " + e);
            return ExitCodes.FAILURE;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        ReplaySettings settings = new ReplaySettings(new TimeRange(from, to), new HashSet<>(errorCodes), dryRun,
                maxAttempts);
        if (stream == null && !dryRun) {
            throw ReplayException.usage("--stream is required (or --dry-run to only read and report)");
        }
        if (stream != null && !STREAM_ARN.matcher(stream).matches() && !STREAM_NAME.matcher(stream).matches()) {
            throw ReplayException.usage("--stream: '" + stream + "' is neither a stream name nor a Kinesis stream ARN");
        }
        if (region != null && !REGION.matcher(region).matches()) {
            throw ReplayException.usage("--region: '" + region + "' is not a region name such as eu-west-1");
        }
        requireFolderFor("--checkpoint", checkpoint);
        requireFolderFor("--report-json", reportJson);
        boolean onS3 = source.startsWith("s3://");
        if (!onS3 && source.contains("://")) {
            throw ReplayException.usage("--source: use s3://bucket/prefix or a local folder, got " + source);
        }
        Region awsRegion = onS3 || stream != null ? resolveRegion() : null;
        if (awsRegion != null) {
            checkCredentials();
        }
        try (S3Client s3 = onS3 ? aws.s3(awsRegion, s3Endpoint) : null;
                KinesisClient kinesis = stream != null ? aws.kinesis(awsRegion, kinesisEndpoint) : null) {
            FailedRecordSource records = onS3 ? S3FailedRecordSource.forUri(s3, source)
                    : new FolderFailedRecordSource(Path.of(source));
            RecordSink sink = kinesis == null ? null : KinesisRecordSink.open(kinesis, stream);
            String destination = sink == null ? "(no stream)" : sink.destination();
            try (Checkpoint done = checkpoint == null ? Checkpoint.none()
                    : Checkpoint.open(checkpoint, settings.fingerprint(destination), dryRun)) {
                ReplayReport report = new ReplayService(sink, backoff, System::nanoTime)
                        .replay(records, settings, done);
                out.print(report.table());
                if (reportJson != null) {
                    Files.writeString(reportJson, report.json(), StandardCharsets.UTF_8);
                }
                return report.exitCode();
            }
        }
    }

    private static void requireFolderFor(String option, Path file) {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw ReplayException.usage(option + ": folder " + parent + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw ReplayException.usage(option + ": " + file + " is a folder; give a file");
        }
    }

    private Region resolveRegion() {
        if (region != null) {
            return Region.of(region);
        }
        if (stream != null) {
            var arn = STREAM_ARN.matcher(stream);
            if (arn.matches()) {
                return Region.of(arn.group(1));
            }
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkException e) {
            throw ReplayException.usage("--region: none given and none configured (AWS_REGION, or the profile's"
                    + " region)");
        }
    }

    private void checkCredentials() {
        try {
            aws.credentials().resolveCredentials();
        } catch (SdkException e) {
            throw ReplayException.usage("no AWS credentials found (environment, profile, SSO, container or instance"
                    + " role): " + e.getMessage());
        }
    }

    /** {@link TimeRange#parseInstant} for picocli, which names the option in its message when this throws. */
    public static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return TimeRange.parseInstant(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
