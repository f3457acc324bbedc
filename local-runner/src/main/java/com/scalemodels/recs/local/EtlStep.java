package com.scalemodels.recs.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalemodels.recs.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 2, the Glue 5.0 job: runs {@code RatingsTrainingJob} with {@code --master local[2]} in a child JVM. A child,
 * because Spark 3.5.4 needs Jackson 2.15 and the rest of the project uses 2.20: the two cannot share a classpath.
 * The child gets glue-job's own classpath (its classes + the test-scope classpath file its build writes, which
 * holds the provided Spark and the Jackson pins) and Spark's module opens. Its output goes to the log file; the
 * result is read from the {@code _RUN_SUMMARY.json} the job writes last.
 */
public final class EtlStep {

    private static final Logger LOG = LoggerFactory.getLogger(EtlStep.class);
    private static final Logger CHILD = LoggerFactory.getLogger("glue-job");
    static final String MAIN_CLASS = "com.scalemodels.recs.etl.RatingsTrainingJob";

    /** Spark's own opens (spark-launcher's JavaModuleOptions), as in glue-job/pom.xml's spark.addOpens. */
    static final List<String> SPARK_OPENS = List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io",
            "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch",
            "sun.nio.cs", "sun.security.action", "sun.util.calendar");

    private final LocalServices services;
    private final RepoLayout repo;

    public EtlStep(LocalServices services, RepoLayout repo) {
        this.services = services;
        this.repo = repo;
    }

    public EtlResult run(String database, Path datalake) throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<String> command = command(database, datalake);
        LOG.atInfo().addKeyValue("event", "etl_started").addKeyValue("source", LocalServices.redact(
                services.mysqlUrl(database))).addKeyValue("target", datalake.toUri().toString())
                .log("starting the Glue job in a child JVM");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Spark otherwise resolves the host name and warns when it maps to loopback; everything here is local.
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                logChildLine(line);
                tail.addLast(line);
                if (tail.size() > 20) {
                    tail.removeFirst();
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the Glue job failed (exit " + exit + "); last lines:\n  "
                    + String.join("\n  ", tail));
        }
        return readSummary(datalake, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Spark's lines look like {@code LEVEL logger: message} (glue-job-log4j2.properties), the job's own events are
     * schema JSON lines (EventLog), stack trace lines neither.
     */
    private static void logChildLine(String line) {
        if (line.startsWith("ERROR ") || line.startsWith("FATAL ") || line.startsWith("{")
                && line.contains("\"level\":\"ERROR\"")) {
            CHILD.error(line);
        } else if (line.startsWith("WARN ")) {
            CHILD.warn(line);
        } else {
            CHILD.info(line);
        }
    }

    List<String> command(String database, Path datalake) throws IOException {
        Path classpathFile = repo.glueJobClasspathFile();
        if (!Files.isRegularFile(classpathFile) || !Files.isDirectory(repo.glueJobClasses())) {
            throw new IllegalStateException("glue-job is not built (missing " + classpathFile + "): run ./run-local.sh,"
                    + " or ./mvnw -pl local-runner -am package -DskipTests");
        }
        String classpath = repo.glueJobClasses() + java.io.File.pathSeparator
                + Files.readString(classpathFile).strip();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-Dlog4j2.configurationFile=" + log4jConfig(datalake.resolveSibling("logs")));
        // SparkConf reads spark.* system properties. The sample has ~100 customers: a handful of shuffle partitions
        // instead of 200 saves most of the job's time on two cores; the output (one folder per customer) is the same.
        command.add("-Dspark.sql.shuffle.partitions=4");
        command.add("-Dspark.ui.enabled=false");
        for (String pkg : SPARK_OPENS) {
            command.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
        }
        command.addAll(List.of("-cp", classpath, MAIN_CLASS,
                "--master", "local[2]",
                "--source-jdbc-url", services.mysqlUrl(database),
                "--source-user", services.mysqlUser(),
                // On a command line only because these are the throwaway local server's credentials; on AWS the
                // job reads a Secrets Manager secret (--source-secret-id).
                "--source-password", services.mysqlPassword(),
                "--target-path", datalake.toUri().toString(),
                "--read-partitions", "2"));
        return command;
    }

    /** The child's log4j2 configuration, copied from our classpath to a file the child can read. */
    private static Path log4jConfig(Path logsDir) throws IOException {
        Path file = logsDir.resolve("glue-job-log4j2.properties");
        try (var in = EtlStep.class.getClassLoader().getResourceAsStream("glue-job-log4j2.properties")) {
            if (in == null) {
                throw new IllegalStateException("glue-job-log4j2.properties missing from the classpath");
            }
            Files.createDirectories(logsDir);
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    EtlResult readSummary(Path datalake, double seconds) throws IOException {
        Path table = datalake.resolve("ratings-ml-training");
        JsonNode summary = Json.read(Files.readAllBytes(table.resolve("_RUN_SUMMARY.json")));
        Map<String, Long> byReason = new LinkedHashMap<>();
        summary.path("rejected_by_reason").fields().forEachRemaining(e -> byReason.put(e.getKey(),
                e.getValue().asLong()));
        EtlResult result = new EtlResult(summary.path("ratings_read").asLong(), summary.path("rows_written").asLong(),
                summary.path("customers").asLong(), summary.path("rejected").asLong(), byReason,
                summary.path("bad_row_fraction").asDouble(), table, datalake.resolve("ratings-ml-training-rejected"),
                seconds);
        LOG.atInfo().addKeyValue("event", "etl_done").addKeyValue("rows_written", result.rowsWritten())
                .addKeyValue("rejected", result.rejected()).addKeyValue("seconds", seconds).log("Glue job done");
        return result;
    }
}
