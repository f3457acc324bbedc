package com.scalemodels.recs.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalemodels.recs.local.EmbeddingsStep;
import com.scalemodels.recs.local.LocalServices;
import com.scalemodels.recs.local.RepoLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-local.sh invoke} for real: each function's deployment jar (built by the reactor's {@code package})
 * under the Lambda runtime interface client in its own JVM, on the sample events and on events as
 * {@code sam local generate-event} writes them, against the local PostgreSQL + pgvector in databases of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalInvokeIT {

    private final ObjectMapper json = new ObjectMapper();
    private final RepoLayout repo = new RepoLayout(Path.of(System.getProperty("recs.repo.dir", "..")).toAbsolutePath()
            .normalize());
    private final LocalServices services = LocalServices.fromEnvironment(System.getenv());
    private final String suffix = "_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
    private final String pgDatabase = "recs_invoke_it" + suffix;
    private final String loaderDatabase = "recs_invoke_loader_it" + suffix;
    private Path cacheDir;

    @BeforeAll
    void sharedCaches() throws IOException {
        // The functions' /tmp; libtorch is extracted once into the folder the other ITs use.
        cacheDir = Path.of("target", "invoke-cache").toAbsolutePath();
        Path djl = Path.of(System.getProperty("recs.djl.cache", "target/djl-cache")).toAbsolutePath();
        Files.createDirectories(cacheDir);
        Files.createDirectories(djl);
        if (!Files.exists(cacheDir.resolve("djl"))) {
            Files.createSymbolicLink(cacheDir.resolve("djl"), djl);
        }
    }

    @AfterAll
    void dropDatabases() throws SQLException {
        EmbeddingsStep step = new EmbeddingsStep(services);
        step.dropDatabase(pgDatabase);
        step.dropDatabase(loaderDatabase);
    }

    @Test
    void transformationAnswersEverySampleEventAndSamGeneratedOnesRecordByRecord() throws IOException {
        Path malformed = sample("malformed-records.json");
        Result r = invoke("transformation", sample("firehose-kinesis-event.json").toString(),
                sample("kinesis-event.json").toString(), sample("sessions.jsonl").toString(), malformed.toString(),
                samEvent("kinesis-firehose.json"), samEvent("streams-as-source.json"),
                samEvent("kinesis-get-records.json"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> responses = r.responses();
        assertThat(responses).hasSize(7);

        JsonNode firehoseEvent = json.readTree(sample("firehose-kinesis-event.json").toFile());
        assertThat(recordIds(responses.get(0))).isEqualTo(recordIds(firehoseEvent));
        assertAllEnriched(responses.get(0), firehoseEvent.get("records").size());
        assertAllEnriched(responses.get(1), 10);
        assertAllEnriched(responses.get(2), Files.readAllLines(sample("sessions.jsonl")).size());

        List<String> expected = new ArrayList<>();
        for (JsonNode c : json.readTree(malformed.toFile())) {
            if (!"InvocationFailed".equals(c.get("expected_result").asText())) {
                expected.add(c.get("name").asText() + "=" + c.get("expected_result").asText());
            }
        }
        List<String> actual = new ArrayList<>();
        JsonNode caseRecords = responses.get(3).get("records");
        for (int i = 0; i < caseRecords.size(); i++) {
            actual.add(expected.get(i).substring(0, expected.get(i).indexOf('=') + 1)
                    + caseRecords.get(i).get("result").asText());
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(r.err()).contains("left out (not base64, the runtime would reject the whole event): bad_base64");

        // SAM's default data is plain text, not a session: the record fails, the invocation does not.
        assertThat(responses.get(4).get("records")).hasSize(1);
        assertThat(responses.get(4).get("records").get(0).get("recordId").asText())
                .isEqualTo("49546986683135544286507457936321625675700192471156785154");
        assertThat(responses.get(4).get("records").get(0).get("result").asText()).isEqualTo("ProcessingFailed");
        assertAllEnriched(responses.get(5), 1);
        assertAllEnriched(responses.get(6), 1);

        // Both functions' JSON logs and Lambda's platform lines reach standard error.
        assertThat(r.err()).contains("[TransformationFunction] REPORT RequestId:",
                "[InferenceFunction] REPORT RequestId:", "\"message\":\"batch processed\"");
    }

    @Test
    void inferenceAnswersTheSampleBatchRequestInOrderWithTheLiveModel() throws IOException {
        Result r = invoke("inference", sample("inference-request.json").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode request = json.readTree(sample("inference-request.json").toFile());
        JsonNode response = r.responses().get(0);
        assertThat(response.get("model_version").asText()).isEqualTo(manifestVersion());
        JsonNode results = response.get("results");
        assertThat(results).hasSize(request.get("sessions").size());
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get("index").asInt()).isEqualTo(i);
            assertThat(results.get(i).get("session_id").asText())
                    .isEqualTo(request.get("sessions").get(i).get("session_id").asText());
            assertThat(results.get(i).get("recommended_items")).hasSize(request.get("k").asInt());
        }
        // template.yaml's JAVA_TOOL_OPTIONS reached the function's JVM: the catalog was copied into memory.
        assertThat(r.err()).containsPattern("\"event\":\"retrieval_ready\".*\"retrieval\":\"in_memory\"");
    }

    @Test
    void inferenceHttpAnswersTheFunctionUrlEventAsAnHttpResponse() throws IOException {
        Result r = invoke("inference-http", sample("function-url-event.json").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode event = json.readTree(sample("function-url-event.json").toFile());
        JsonNode response = r.responses().get(0);
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        JsonNode body = json.readTree(response.get("body").asText());
        int limit = Integer.parseInt(event.get("queryStringParameters").get("limit").asText());
        assertThat(body.get("items")).hasSize(limit);
        Set<String> excluded = Set.copyOf(texts(json.readTree(event.get("body").asText()).get("exclude")));
        assertThat(excluded).isNotEmpty();
        assertThat(body.get("items").findValuesAsText("product_code")).doesNotContainAnyElementsOf(excluded);
    }

    @Test
    void loaderLoadsTheSampleModelIntoAnEmptyDatabaseThenFindsItLive() throws IOException {
        Result r = invoke("loader", "--pg-database", loaderDatabase, sample("loader-event.json").toString(),
                sample("loader-event.json").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode first = r.responses().get(0);
        assertThat(first.get("status").asText()).isEqualTo("loaded");
        assertThat(first.get("model_version").asText()).isEqualTo(manifestVersion());
        assertThat(first.get("item_rows").asLong()).isEqualTo(csvRows("item_embeddings.csv"));
        assertThat(first.get("user_rows").asLong()).isEqualTo(csvRows("user_embeddings.csv"));
        assertThat(r.responses().get(1).get("status").asText()).isEqualTo("unchanged");
    }

    @Test
    void aFunctionErrorPrintsTheRuntimesErrorDocumentAndExitsOne() throws IOException {
        Path request = Files.createTempFile("bad-request", ".json");
        Files.writeString(request, "{\"request_id\":\"r\",\"k\":3,\"similar_k\":0,"
                + "\"sessions\":[{\"session_id\":\"a\",\"customer_number\":\"x\"}]}");
        Result r = invoke("inference", request.toString());

        assertThat(r.exitCode()).isEqualTo(LocalInvoke.FUNCTION_ERROR);
        JsonNode error = r.responses().get(0);
        assertThat(error.get("errorType").asText()).endsWith("InvalidFieldException");
        assertThat(error.get("errorMessage").asText()).contains("sessions[0].customer_number");
    }

    @Test
    void anInitErrorIsEveryInvocationsErrorDocument() throws IOException {
        Result r = invoke("loader", "--env", "HNSW_M=1", sample("loader-event.json").toString(),
                sample("loader-event.json").toString());

        assertThat(r.exitCode()).isEqualTo(LocalInvoke.FUNCTION_ERROR);
        assertThat(r.responses()).hasSize(2);
        for (JsonNode error : r.responses()) {
            assertThat(error.get("errorMessage").asText()).contains("HNSW_M", "between 2 and 100");
        }
    }

    @Test
    void badCommandLinesAndEventFilesAreNamedBeforeAnythingRuns(@TempDir Path dir) throws IOException {
        Path notJson = dir.resolve("broken.json");
        Files.writeString(notJson, "{\"records\": [\n");
        assertRefused(invoke("transformer", sample("loader-event.json").toString()),
                "unknown function 'transformer': one of transformation, inference, inference-http, loader");
        assertRefused(invoke("inference", dir.resolve("missing.json").toString()), "event file not found: "
                + dir.resolve("missing.json"));
        assertRefused(invoke("transformation", notJson.toString()), notJson + " is not one JSON document (line 2,");
        assertRefused(invoke("inference", sample("function-url-event.json").toString()),
                "it looks like an event of the inference-http function");
        assertRefused(invoke("inference", sample("sessions.jsonl").toString()), "session JSON Lines, for the"
                + " transformation function");
        assertRefused(invoke("loader", "--env", "NOPE=1", sample("loader-event.json").toString()),
                "--env NOPE: not a variable of EmbeddingsLoaderFunction in template.yaml");
    }

    @Test
    void aMissingDeploymentJarSaysHowToBuildIt(@TempDir Path root) throws IOException {
        Files.copy(repo.root().resolve("template.yaml"), root.resolve("template.yaml"));
        Files.createDirectories(root.resolve("local-runner/target"));
        Files.copy(repo.lambdaRuntimeClasspathFile(), root.resolve("local-runner/target/lambda-runtime.classpath"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LocalInvoke.run(new String[] {"loader", sample("loader-event.json").toString(), "--cache-dir",
                root.resolve("cache").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                System.getenv(), new RepoLayout(root));

        assertThat(exit).isEqualTo(LocalInvoke.SETUP_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                root.resolve("embeddings-loader/target/deploy/embeddings-loader.jar") + " is missing",
                "./mvnw -DskipTests package");
    }

    private void assertRefused(Result r, String message) {
        assertThat(r.exitCode()).isEqualTo(LocalInvoke.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(message);
    }

    private void assertAllEnriched(JsonNode response, int records) throws IOException {
        assertThat(response.get("records")).hasSize(records);
        for (JsonNode record : response.get("records")) {
            assertThat(record.get("result").asText()).isEqualTo("Ok");
            JsonNode enriched = json.readTree(Base64.getDecoder().decode(record.get("data").asText()));
            assertThat(enriched.get("model_version").asText()).isEqualTo(manifestVersion());
            assertThat(enriched.get("recommended_items")).isNotEmpty();
        }
    }

    private static List<String> recordIds(JsonNode eventOrResponse) {
        return eventOrResponse.get("records").findValuesAsText("recordId");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private String manifestVersion() throws IOException {
        return json.readTree(repo.sampleArtifacts().resolve("manifest.json").toFile()).get("model_version").asText();
    }

    private long csvRows(String file) throws IOException {
        try (var lines = Files.lines(repo.sampleArtifacts().resolve("embeddings").resolve(file))) {
            return lines.filter(l -> !l.isBlank()).count() - 1; // header
        }
    }

    private Path sample(String name) {
        return repo.root().resolve("samples/events").resolve(name);
    }

    private String samEvent(String name) {
        return Path.of("src/test/resources/sam-events", name).toAbsolutePath().toString();
    }

    private Result invoke(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--cache-dir", cacheDir.toString()));
        if (!all.contains("--pg-database")) {
            all.addAll(List.of("--pg-database", pgDatabase));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LocalInvoke.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), System.getenv(), repo);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {

        List<JsonNode> responses() throws IOException {
            List<JsonNode> responses = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isEmpty()) {
                    responses.add(new ObjectMapper().readTree(line));
                }
            }
            return responses;
        }
    }
}
