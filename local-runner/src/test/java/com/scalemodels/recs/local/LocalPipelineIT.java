package com.scalemodels.recs.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalemodels.recs.local.firehose.Backoff;
import com.scalemodels.recs.sampledata.SessionSource;
import com.scalemodels.recs.sampledata.SessionStreamGenerator;
import com.scalemodels.recs.testing.LogSchemaCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * LocalPipeline end to end at small scale against the local servers: real MariaDB, the Glue job in its child JVM,
 * the loader, DJL + pgvector inference and the real transformation handler. Databases are unique to this run and
 * dropped afterwards. Then a second run in the same folder checks that re-runs need no cleanup.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPipelineIT {

    private static final long SEED = 42;
    private static final int SESSIONS = 300;
    private static final double MALFORMED_SHARE = 0.1;
    private static final Pattern OBJECT_NAME = Pattern.compile(
            "\\d{4}/\\d{2}/\\d{2}/\\d{2}/de-c1w4-recommendations-1-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-"
                    + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** The training table's row count by the job's rules, computed by MariaDB (glue-job's JobRuns). */
    private static final String EXPECTED_ROW_COUNT = """
            SELECT COUNT(*) FROM (
              SELECT r.customerNumber, BINARY r.productCode
              FROM ratings r
              JOIN customers c ON c.customerNumber = r.customerNumber
              JOIN products p ON BINARY p.productCode = BINARY r.productCode
              WHERE r.productRating BETWEEN 1 AND 5
                AND c.city IS NOT NULL AND c.country IS NOT NULL AND c.creditLimit IS NOT NULL
                AND p.productLine IS NOT NULL AND p.productScale IS NOT NULL AND p.quantityInStock IS NOT NULL
                AND p.buyPrice IS NOT NULL AND p.MSRP IS NOT NULL
              GROUP BY r.customerNumber, BINARY r.productCode) t""";

    private final ObjectMapper json = new ObjectMapper();
    private final String suffix = ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
    private final String mysqlDatabase = "classicmodels_it_" + suffix;
    private final String pgDatabase = "recs_it_" + suffix;
    private final RepoLayout repo = repo();
    private final LocalServices services = LocalServices.fromEnvironment(System.getenv());

    @TempDir
    static Path out;

    private String console;
    private int exitCode;

    @BeforeAll
    void runThePipeline() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        exitCode = run(captured, "--sessions", Integer.toString(SESSIONS), "--malformed-share",
                Double.toString(MALFORMED_SHARE));
        console = captured.toString(StandardCharsets.UTF_8);
    }

    private int run(ByteArrayOutputStream console, String... extra) {
        LocalPipeline pipeline = new LocalPipeline(new PrintStream(console, true, StandardCharsets.UTF_8),
                System.getenv(), Clock.systemUTC(), Backoff.NONE, repo);
        List<String> args = new ArrayList<>(List.of("--out", out.toString(), "--scale", "1", "--seed",
                Long.toString(SEED), "--mysql-database", mysqlDatabase, "--pg-database", pgDatabase,
                "--cache-dir", System.getProperty("recs.djl.cache", out.resolve("cache").toString())));
        args.addAll(List.of(extra));
        return new CommandLine(pipeline).execute(args.toArray(String[]::new));
    }

    @AfterAll
    void dropDatabases() throws SQLException {
        try (Connection c = DriverManager.getConnection(services.mysqlServerUrl(), services.mysqlUser(),
                services.mysqlPassword()); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + mysqlDatabase + "`");
        }
        new EmbeddingsStep(services).dropDatabase(pgDatabase);
    }

    private static RepoLayout repo() {
        String dir = System.getProperty("recs.repo.dir");
        return dir == null ? RepoLayout.locate() : new RepoLayout(Path.of(dir));
    }

    @Test
    @Order(1)
    void theRunSucceedsAndShowsProgressAndASummary() throws IOException {
        assertThat(exitCode).as(console).isZero();
        assertThat(console).contains("[1/5] Batch data", "[2/5] ETL", "[3/5] Embeddings", "[4/5] Streaming",
                "[5/5] Summary", "Example recommendations", "browsed", "→ recommended: ");
        assertThat(console).as("component logs go to the file, not the console").doesNotContain("\"logger\"");
        assertThat(out.resolve("logs/pipeline.log")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("logs/pipeline.log"))).contains("\"logger\":\"glue-job\"",
                "batch processed");
    }

    @Test
    @Order(2)
    void thePipelineLogIsTheLogSchemaAndOneCorrelationIdJoinsBothSidesOfABatch() throws IOException {
        assertThat(exitCode).as(console).isZero();
        List<JsonNode> lines = LogSchemaCheck.parse(Files.readString(out.resolve("logs/pipeline.log")));
        LogSchemaCheck.assertSchema(lines, "local-runner");
        List<JsonNode> done = LogSchemaCheck.event(lines, "batch_done");
        Set<String> transformation = correlationIds(done, "FirehoseTransformationHandler");
        Set<String> inference = correlationIds(done, "BatchInferenceHandler");
        assertThat(transformation).isNotEmpty().doesNotContain("");
        assertThat(inference).isNotEmpty().isSubsetOf(transformation);
        assertThat(LogSchemaCheck.event(lines, "load_done").get(0).path("correlation_id").asText()).isNotBlank();
    }

    private static Set<String> correlationIds(List<JsonNode> lines, String loggerSuffix) {
        return lines.stream().filter(l -> l.path("logger").asText().endsWith(loggerSuffix))
                .map(l -> l.path("correlation_id").asText()).collect(Collectors.toSet());
    }

    @Test
    @Order(2)
    void everySessionComesOutExactlyOnceInRecommendationsOrProcessingFailed() throws IOException {
        assertThat(exitCode).as(console).isZero();
        // The same generator, seed and share as the run: the expected input, record by record.
        SessionStreamGenerator generator = new SessionStreamGenerator(SessionSource.fromCsv(repo.sampleCsv()), SEED,
                MALFORMED_SHARE);
        List<String> validIds = new ArrayList<>();
        List<String> malformedRaw = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            SessionStreamGenerator.SessionRecord r = generator.next();
            if (r.malformedCase() == null) {
                validIds.add(json.readTree(r.data()).get("session_id").asText());
            } else {
                malformedRaw.add(Base64.getEncoder().encodeToString(r.data()));
            }
        }
        assertThat(malformedRaw).isNotEmpty();

        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        String modelVersion = summary.at("/embeddings/model_version").asText();
        List<String> recommendedIds = new ArrayList<>();
        java.util.Set<String> recommendedProducts = new java.util.HashSet<>();
        java.util.Set<String> firstProducts = new java.util.HashSet<>();
        java.util.Set<String> similarFirsts = new java.util.HashSet<>();
        int withSeed = 0;
        for (Path object : objects("recommendations")) {
            for (String line : Files.readAllLines(object)) {
                JsonNode record = json.readTree(line);
                assertThat(record.get("recommended_items").isArray()).isTrue();
                assertThat(record.get("recommended_items")).isNotEmpty();
                assertThat(record.has("similar_items")).isTrue();
                record.get("recommended_items").forEach(i -> recommendedProducts.add(i.get("product_code").asText()));
                firstProducts.add(record.at("/recommended_items/0/product_code").asText());
                if (record.get("similar_items").isObject()) {
                    withSeed++;
                    similarFirsts.add(record.at("/similar_items/similar_items/0/product_code").asText());
                }
                assertThat(record.get("model_version").asText()).isEqualTo(modelVersion);
                recommendedIds.add(record.get("session_id").asText());
            }
        }
        List<String> failedRaw = new ArrayList<>();
        for (Path object : objects("processing-failed/processing-failed")) {
            for (String line : Files.readAllLines(object)) {
                JsonNode record = json.readTree(line);
                assertThat(record.get("errorCode").asText()).isEqualTo("Lambda.ProcessingFailed");
                assertThat(record.get("lambdaArn").asText()).startsWith("arn:aws:lambda:");
                failedRaw.add(record.get("rawData").asText());
            }
        }
        assertThat(recommendedIds).containsExactlyInAnyOrderElementsOf(validIds);
        assertThat(failedRaw).containsExactlyInAnyOrderElementsOf(malformedRaw);

        JsonNode streaming = summary.get("streaming");
        assertThat(streaming.get("sessions_in").asLong()).isEqualTo(SESSIONS);
        assertThat(streaming.get("ok").asLong() + streaming.get("processing_failed").asLong()).isEqualTo(SESSIONS);
        assertThat(streaming.get("ok").asLong()).isEqualTo(validIds.size());
        assertThat(streaming.get("malformed_planted").asLong()).isEqualTo(malformedRaw.size());
        assertThat(streaming.get("processing_failed").asLong()).isEqualTo(malformedRaw.size());
        assertThat(streaming.get("batches").asLong()).isPositive();
        assertThat(streaming.get("p99_batch_ms").asDouble()).isGreaterThanOrEqualTo(
                streaming.get("p50_batch_ms").asDouble()).isPositive();
        assertThat(summary.at("/outputs/recommendations").asText()).isEqualTo(out.resolve("recommendations")
                .toAbsolutePath().toString());
        assertThat(summary.get("examples")).hasSize(3);

        JsonNode served = summary.get("served");
        assertThat(served.get("sessions").asLong()).isEqualTo(validIds.size());
        assertThat(served.get("distinct_recommended").asInt()).isEqualTo(recommendedProducts.size());
        assertThat(served.get("distinct_first_recommended").asInt()).isEqualTo(firstProducts.size());
        assertThat(served.get("sessions_with_similar_seed").asInt()).isEqualTo(withSeed);
        assertThat(served.get("distinct_first_similar").asInt()).isEqualTo(similarFirsts.size());
        assertThat(served.get("catalog_coverage").asDouble()).isCloseTo(recommendedProducts.size() / 110.0,
                org.assertj.core.api.Assertions.within(1e-3));
        JsonNode metrics = json.readTree(repo.sampleArtifacts().resolve("metrics.json").toFile());
        assertThat(summary.at("/model_metrics/model/ndcg_at_10").asDouble())
                .isEqualTo(metrics.at("/model/ndcg_at_10").asDouble());
        assertThat(summary.at("/model_metrics/next_item/session_blend/ndcg_at_10").asDouble())
                .isEqualTo(metrics.at("/next_item/session_blend/ndcg_at_10").asDouble());
        assertThat(console).contains("products recommended").contains("NDCG@10");
    }

    @Test
    @Order(3)
    void objectsAreLaidOutLikeFirehosesInS3() throws IOException {
        assertThat(objects("recommendations")).isNotEmpty().allSatisfy(p -> assertThat(
                out.resolve("recommendations").relativize(p).toString()).matches(OBJECT_NAME));
        assertThat(objects("processing-failed/processing-failed")).isNotEmpty().allSatisfy(p -> assertThat(
                out.resolve("processing-failed/processing-failed").relativize(p).toString()).matches(OBJECT_NAME));
    }

    @Test
    @Order(4)
    void theEtlWroteTheRowsMariaDbExpectsAndTheEmbeddingsAreLive() throws Exception {
        assertThat(exitCode).as(console).isZero();
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        long expectedRows;
        try (Connection c = DriverManager.getConnection(services.mysqlUrl(mysqlDatabase), services.mysqlUser(),
                services.mysqlPassword()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(EXPECTED_ROW_COUNT)) {
            rs.next();
            expectedRows = rs.getLong(1);
        }
        assertThat(expectedRows).isPositive();
        assertThat(summary.at("/etl/rows_written").asLong()).isEqualTo(expectedRows);
        assertThat(summary.at("/etl/ratings_read").asLong()).isEqualTo(summary.at("/batch_data/ratings").asLong());
        assertThat(summary.at("/etl/rows_written").asLong() + summary.at("/etl/rejected").asLong())
                .isEqualTo(summary.at("/etl/ratings_read").asLong());
        Path table = out.resolve("datalake/ratings-ml-training");
        assertThat(table.resolve("_SUCCESS")).exists();
        try (Stream<Path> folders = Files.list(table)) {
            assertThat(folders.filter(p -> p.getFileName().toString().startsWith("customerNumber=")).count())
                    .isEqualTo(summary.at("/etl/customers").asLong());
        }
        assertThat(summary.at("/embeddings/status").asText()).isEqualTo("loaded");
        assertThat(summary.at("/embeddings/items").asLong()).isEqualTo(110);
        assertThat(summary.at("/embeddings/users").asLong()).isEqualTo(122);
    }

    @Test
    @Order(5)
    void aSecondRunInTheSameFolderNeedsNoCleanup() throws IOException {
        assertThat(exitCode).as(console).isZero();
        Path keep = Files.writeString(out.resolve("notes.txt"), "mine");
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        int exit = run(second, "--skip-etl", "--sessions", "20", "--malformed-share", "0");
        String text = second.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.at("/embeddings/status").asText()).as("the loader re-run is a no-op")
                .isEqualTo("unchanged");
        assertThat(summary.at("/streaming/ok").asLong()).isEqualTo(20);
        long lines = 0;
        for (Path object : objects("recommendations")) {
            lines += Files.readAllLines(object).size();
        }
        assertThat(lines).as("the first run's recommendations were cleared").isEqualTo(20);
        assertThat(out.resolve("datalake")).doesNotExist();
        assertThat(out.resolve("processing-failed")).doesNotExist();
        assertThat(keep).hasContent("mine");
    }

    @Test
    @Order(6)
    void badOptionsAreReportedWithoutRunningAnything() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LocalPipeline pipeline = new LocalPipeline(new PrintStream(captured, true, StandardCharsets.UTF_8),
                System.getenv(), Clock.systemUTC(), Backoff.NONE, repo);
        int exit = new CommandLine(pipeline).execute("--out", out.resolve("never").toString(), "--buffer-mb", "9");
        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--buffer-mb must be 0.2..3");
        assertThat(out.resolve("never")).doesNotExist();
    }

    private List<Path> objects(String prefix) throws IOException {
        Path dir = out.resolve(prefix);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
