package com.scalemodels.recs.etl;

import com.scalemodels.recs.json.Fields;
import com.scalemodels.recs.json.InvalidFieldException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses Glue-style arguments: {@code --name value} pairs (also {@code --name=value}). Glue adds arguments of its
 * own ({@code --JOB_ID}, {@code --job-bookmark-option}, {@code --TempDir}, …); names this job does not know are
 * ignored, so a new Glue default never breaks the job. Errors are {@link InvalidFieldException}s naming the
 * argument ({@code --read-partitions: expected an integer}), never its value: some are credentials.
 */
public final class JobArgumentsParser {

    static final String SOURCE_JDBC_URL = "source-jdbc-url";
    static final String SOURCE_SECRET_ID = "source-secret-id";
    static final String SOURCE_USER = "source-user";
    static final String SOURCE_PASSWORD = "source-password";
    static final String TARGET_PATH = "target-path";
    static final String READ_PARTITIONS = "read-partitions";
    static final String FETCH_SIZE = "fetch-size";
    static final String MAX_BAD_ROW_FRACTION = "max-bad-row-fraction";
    static final String MASTER = "master";
    /** Glue's own; read only to tag the logs with Glue's run id. */
    static final String GLUE_JOB_RUN_ID = "JOB_RUN_ID";

    static final Set<String> KNOWN = Set.of(SOURCE_JDBC_URL, SOURCE_SECRET_ID, SOURCE_USER, SOURCE_PASSWORD,
            TARGET_PATH, READ_PARTITIONS, FETCH_SIZE, MAX_BAD_ROW_FRACTION, MASTER, GLUE_JOB_RUN_ID);

    /** What was parsed plus the names of the arguments ignored (never their values: they may be secrets). */
    public record Parsed(JobArguments arguments, Set<String> ignoredNames) {
    }

    public JobArguments parse(String... args) {
        return parseWithIgnored(args).arguments();
    }

    public Parsed parseWithIgnored(String... args) {
        Map<String, String> values = new HashMap<>();
        Set<String> ignored = new TreeSet<>();
        for (int i = 0; i < args.length; i++) {
            String token = args[i];
            if (!token.startsWith("--") || token.length() == 2) {
                throw new InvalidFieldException("argument at position " + i, "expected --name value pairs");
            }
            String name;
            String value;
            int eq = token.indexOf('=');
            if (eq > 2) {
                name = token.substring(2, eq);
                value = token.substring(eq + 1);
            } else {
                name = token.substring(2);
                // Glue may pass a bare flag of its own; only our arguments must have a value.
                boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
                value = hasValue ? args[++i] : null;
            }
            if (!KNOWN.contains(name)) {
                ignored.add(name);
                continue;
            }
            if (value == null) {
                throw Fields.expected("--" + name, "a value");
            }
            if (values.put(name, value) != null) {
                throw new InvalidFieldException("--" + name, "given more than once");
            }
        }
        return new Parsed(toArguments(values), ignored);
    }

    private static JobArguments toArguments(Map<String, String> values) {
        String url = required(values, SOURCE_JDBC_URL);
        if (!url.startsWith("jdbc:mysql://")) {
            throw new InvalidFieldException("--" + SOURCE_JDBC_URL, "must start with jdbc:mysql:// (also for"
                    + " MariaDB: Spark applies its MySQL dialect only to that prefix)");
        }
        Optional<String> secretId = optional(values, SOURCE_SECRET_ID);
        Optional<String> user = optional(values, SOURCE_USER);
        Optional<String> password = Optional.ofNullable(values.get(SOURCE_PASSWORD));
        if (secretId.isPresent() && (user.isPresent() || password.isPresent())) {
            throw new InvalidFieldException("--" + SOURCE_SECRET_ID, "give it or --" + SOURCE_USER + "/--"
                    + SOURCE_PASSWORD + ", not both");
        }
        if (secretId.isEmpty()) {
            if (user.isEmpty()) {
                throw new InvalidFieldException("--" + SOURCE_SECRET_ID, "required (or --" + SOURCE_USER
                        + " and --" + SOURCE_PASSWORD + " for a local run)");
            }
            if (password.isEmpty()) {
                throw new InvalidFieldException("--" + SOURCE_PASSWORD, "required with --" + SOURCE_USER);
            }
        }
        String target = required(values, TARGET_PATH);
        if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.+")) {
            throw new InvalidFieldException("--" + TARGET_PATH, "must be a URI with a scheme (s3://bucket/prefix or"
                    + " file:///abs/path)");
        }
        while (target.endsWith("/") && !target.endsWith("://")) {
            target = target.substring(0, target.length() - 1);
        }
        int readPartitions = positiveInt(values, READ_PARTITIONS, JobArguments.DEFAULT_READ_PARTITIONS);
        int fetchSize = positiveInt(values, FETCH_SIZE, JobArguments.DEFAULT_FETCH_SIZE);
        double maxBad = fraction(values, MAX_BAD_ROW_FRACTION, JobArguments.DEFAULT_MAX_BAD_ROW_FRACTION);
        return new JobArguments(url, secretId, user, password, target, readPartitions, fetchSize, maxBad,
                optional(values, MASTER), optional(values, GLUE_JOB_RUN_ID));
    }

    private static String required(Map<String, String> values, String name) {
        return optional(values, name).orElseThrow(() -> Fields.required("--" + name));
    }

    private static Optional<String> optional(Map<String, String> values, String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static int positiveInt(Map<String, String> values, String name, int fallback) {
        Optional<String> raw = optional(values, name);
        return raw.isEmpty() ? fallback : Fields.parseInt("--" + name, raw.get(), 1, Integer.MAX_VALUE);
    }

    private static double fraction(Map<String, String> values, String name, double fallback) {
        Optional<String> raw = optional(values, name);
        return raw.isEmpty() ? fallback : Fields.parseNumber("--" + name, raw.get(), 0, 1);
    }
}
