package com.scalemodels.recs.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The runner's options, their defaults and bounds. {@link #problems()} names every bad value at once. */
public final class PipelineOptions {

    static final long DEFAULT_SESSIONS = 2000;

    @Option(names = "--sessions", description = "Sessions to stream (default: " + DEFAULT_SESSIONS + "; not with"
            + " --duration).")
    Long sessions;

    @Option(names = "--duration", converter = DurationConverter.class, description = "Stream for this long, e.g."
            + " 90s, 5m (needs --rate).")
    Duration duration;

    @Option(names = "--rate", defaultValue = "0", description = "Sessions per second; 0 = as fast as possible"
            + " (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--malformed-share", defaultValue = "0.05", description = "Share of sessions replaced by"
            + " malformed records, 0..1 (default: ${DEFAULT-VALUE}).")
    double malformedShare;

    @Option(names = "--out", defaultValue = "out", description = "Output folder (default: ./${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--cache-dir", description = "Where libtorch is extracted (~430 MB) and artifacts are cached;"
            + " kept between runs (default: <out>/cache).")
    Path cacheDir;

    @Option(names = "--scale", defaultValue = "1", description = "Scale of the generated classicmodels data for the"
            + " ETL; 1 ≈ 120 customers, 110 products, 1,000 ratings (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data and sessions"
            + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--buffer-mb", defaultValue = "0.5", description = "Firehose processor buffer size, 0.2..3 MB"
            + " (default: ${DEFAULT-VALUE}, as Terraform).")
    double bufferMb;

    @Option(names = "--buffer-interval-s", defaultValue = "60", description = "Firehose processor buffer interval,"
            + " 1..900 s (Firehose itself allows 60..900; default: ${DEFAULT-VALUE}).")
    int bufferIntervalSeconds;

    @Option(names = "--retries", defaultValue = "3", description = "Firehose retries of a failed processor"
            + " invocation, 0..300 (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--skip-etl", description = "Skip the Spark ETL (steps 1 and 2).")
    boolean skipEtl;

    @Option(names = "--force-embeddings", description = "Reload the embeddings even if that model version is"
            + " live, and past the loader's quality gate (logged, as the loader's --force).")
    boolean forceEmbeddings;

    @Option(names = "--restart-services", description = "Handled by run-local.sh (restarts the local servers first);"
            + " ignored here.")
    boolean restartServices;

    @Option(names = "--mysql-database", defaultValue = "classicmodels_local", description = "MariaDB database the"
            + " runner owns: dropped and re-created each run (default: ${DEFAULT-VALUE}).")
    String mysqlDatabase;

    @Option(names = "--pg-database", defaultValue = "recs_local", description = "PostgreSQL database for the"
            + " embeddings, created if missing (default: ${DEFAULT-VALUE}).")
    String pgDatabase;

    /** Every problem with the values given, as messages naming the option; empty when all are fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (sessions != null && (sessions < 1 || sessions > 10_000_000)) {
            problems.add("--sessions must be 1..10000000, got " + sessions);
        }
        if (duration != null) {
            if (sessions != null) {
                problems.add("give --sessions or --duration, not both");
            }
            if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(24)) > 0) {
                problems.add("--duration must be more than 0 and at most 24h, got " + duration);
            }
            if (rate <= 0) {
                problems.add("--duration needs --rate (sessions per second)");
            }
        }
        if (!(rate >= 0 && rate <= 10_000)) {
            problems.add("--rate must be 0..10000 sessions/s, got " + rate);
        }
        if (!(malformedShare >= 0 && malformedShare <= 1)) {
            problems.add("--malformed-share must be 0..1, got " + malformedShare);
        }
        if (!(scale > 0 && scale <= 1000)) {
            problems.add("--scale must be more than 0 and at most 1000, got " + scale);
        }
        if (!(bufferMb >= 0.2 && bufferMb <= 3)) {
            problems.add("--buffer-mb must be 0.2..3 (Firehose's processor limits), got " + bufferMb);
        }
        if (bufferIntervalSeconds < 1 || bufferIntervalSeconds > 900) {
            problems.add("--buffer-interval-s must be 1..900, got " + bufferIntervalSeconds);
        }
        if (retries < 0 || retries > 300) {
            problems.add("--retries must be 0..300 (Firehose's limits), got " + retries);
        }
        for (String[] db : new String[][] {{"--mysql-database", mysqlDatabase}, {"--pg-database", pgDatabase}}) {
            try {
                LocalServices.checkDatabaseName(db[1]);
            } catch (IllegalArgumentException e) {
                problems.add(db[0] + ": " + e.getMessage());
            }
        }
        return problems;
    }

    public StreamPlan streamPlan() {
        return new StreamPlan(sessions == null ? DEFAULT_SESSIONS : sessions, duration, rate, malformedShare, seed);
    }

    public long bufferBytes() {
        return Math.round(bufferMb * 1024 * 1024);
    }

    /** {@code 90s}, {@code 5m}, {@code 1h}, a plain number of seconds, or ISO-8601 ({@code PT90S}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.startsWith("pt")) {
                return Duration.parse(value.strip());
            }
            char unit = v.isEmpty() ? 's' : v.charAt(v.length() - 1);
            String number = Character.isDigit(unit) ? v : v.substring(0, v.length() - 1);
            long n = Long.parseLong(number);
            return switch (Character.isDigit(unit) ? 's' : unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException("use e.g. 90s, 5m or 1h: " + value);
            };
        }
    }
}
