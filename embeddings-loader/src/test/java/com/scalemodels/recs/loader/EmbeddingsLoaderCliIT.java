package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.testing.LogCapture;
import com.scalemodels.recs.testing.LogSchemaCheck;
import com.scalemodels.recs.testing.TestLambdaContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI and the Lambda handler end to end against a throwaway database. */
class EmbeddingsLoaderCliIT {

    private static TestDatabase db;

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void createDatabase() throws Exception {
        db = new TestDatabase();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("VECTOR_DB_JDBC_URL", db.settings().url());
        env.put("VECTOR_DB_USER", db.settings().user());
        env.put("LOADER_IT_PASSWORD", db.settings().password());
        env.put("HNSW_MAINTENANCE_WORK_MEM_MB", "64");
        env.put("ARTIFACT_CACHE_DIR", tmp.resolve("cache").toString());
        return env;
    }

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return EmbeddingsLoaderCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The handler as the Lambda builds it, from these variables; artifacts are local, so no S3 client. */
    private static EmbeddingsLoaderHandler handler(Map<String, String> env) {
        return new EmbeddingsLoaderHandler(LoaderConfig.fromEnvironment(new Environment(env)), TestArtifacts::noS3);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpDescribesOptionsAndExitCodes() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out()).contains("--artifacts", "--jdbc-url", "--password-env", "--force", "--rollback", "--status",
                "--hnsw-m", "--hnsw-ef-construction", "Exit codes:", "3   invalid input", "4   database unreachable", "6   quality gate refused",
                "QUALITY_GATE_TOLERANCE");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(run(Map.of(), "--no-such-option")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(Map.of(), "--rollback", "--status")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(Map.of(), "--artifacts", tmp.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("VECTOR_DB_JDBC_URL");
        assertThat(run(Map.of("HNSW_M", "8"), "--validate-only", "--artifacts", tmp.toString(), "--hnsw-m", "1"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("HNSW m must be between 2 and 100, got 1");
        assertThat(run(Map.of(), "--status", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x", "--user", "u",
                "--password-env", "NOT_SET")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("--password-env names NOT_SET, which is not set");
    }

    @Test
    void unreachableDatabaseExitsWith4() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path artifacts = TestArtifacts.write(tmp.resolve("a"), "cli-v1", "A", 1, 20, 5, 4, 1);
        Map<String, String> env = new HashMap<>(Map.of("PW", "secret-pw", "ARTIFACT_CACHE_DIR",
                tmp.resolve("cache").toString()));
        int code = run(env, "--artifacts", artifacts.toString(), "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere", "--user", "nobody", "--password-env", "PW");
        assertThat(code).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
        assertThat(err()).contains("cannot connect to the vector database").doesNotContain("secret-pw");
    }

    @Test
    void loadsShowsStatusRejectsInvalidInputAndRollsBack() throws Exception {
        Path v1 = TestArtifacts.write(tmp.resolve("v1"), "cli-v1", "A", 1, 300, 20, 4, 1);
        Path v2 = TestArtifacts.write(tmp.resolve("v2"), "cli-v2", "B", 100, 300, 20, 4, 2);
        Map<String, String> env = env();

        assertThat(run(env, "--artifacts", v1.toString(), "--password-env", "LOADER_IT_PASSWORD")).isZero();
        assertThat(out()).contains("model version cli-v1 is live (300 items, 20 users)");
        assertThat(err()).contains("item_embeddings.csv: 300 rows read");

        env.put("VECTOR_DB_PASSWORD", db.settings().password());
        assertThat(run(env, "--artifacts", v1.toUri().toString())).isZero();
        assertThat(out()).contains("already live");

        assertThat(run(env, "--artifacts", v2.toString(), "--hnsw-m", "8", "--hnsw-ef-construction", "32")).isZero();
        assertThat(db.strings("SELECT indexdef FROM pg_indexes WHERE tablename = 'item_emb' AND indexdef LIKE '%hnsw%'"))
                .singleElement().asString().contains("m='8'").contains("ef_construction='32'");

        assertThat(run(env, "--status")).isZero();
        assertThat(out()).containsPattern("live +cli-v2").containsPattern("previous +cli-v1")
                .contains("metrics recorded at load (metrics.json):")
                .containsPattern("live +cli-v2 +coverage_at_10=0.98  mrr=0.13  ndcg_at_10=0.1  recall_at_10=0.19"
                        + "  top1_share=0.06")
                .containsPattern("previous +cli-v1 +coverage_at_10=0.98  mrr=0.13");

        Path bad = TestArtifacts.write(tmp.resolve("v3"), "cli-v3", "C", 200, 30, 20, 4, 3);
        Files.writeString(bad.resolve("embeddings/item_embeddings.csv"), "C-1,\"[1,2,3,4]\"\n", StandardOpenOption.APPEND);
        TestArtifacts.seal(bad, "cli-v3", 4);
        assertThat(run(env, "--artifacts", bad.toString(), "--validate-only")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run(env, "--artifacts", bad.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err()).contains("item_embeddings.csv:32: duplicate id 'C-1' (first on line 3)");

        int rolledBack = run(env, "--rollback");
        assertThat(rolledBack).as(err()).isZero();
        assertThat(out()).contains("rolled back from cli-v2 to cli-v1");
        assertThat(db.strings("SELECT model_version FROM embedding_live_version")).containsExactly("cli-v1");

        // The quality gate: exit code 6, every failing metric named, nothing changed; --force loads it.
        Path poor = TestArtifacts.withMetrics(TestArtifacts.write(tmp.resolve("poor"), "cli-poor", "P", 500, 30, 20, 4,
                4), "cli-poor", 4, TestArtifacts.metrics(TestArtifacts.DATASET, 0.05, 0.19, 0.13, 0.98, 0.06));
        assertThat(run(env, "--artifacts", poor.toString())).isEqualTo(ExitCodes.QUALITY_GATE);
        assertThat(err()).contains("quality gate refused model version cli-poor")
                .contains("ndcg_at_10 = 0.05 is worse than the live version cli-v1's 0.1");
        assertThat(db.strings("SELECT model_version FROM embedding_live_version")).containsExactly("cli-v1");
        assertThat(run(env, "--artifacts", poor.toString(), "--force")).isZero();
        assertThat(out()).contains("model version cli-poor is live").contains("quality gate overridden by force");
        assertThat(run(env, "--rollback")).isZero();
        assertThat(db.strings("SELECT model_version FROM embedding_live_version")).containsExactly("cli-v1");
    }

    @Test
    void handlerLoadsReportsUnchangedAndRollsBack() throws Exception {
        try (TestDatabase own = new TestDatabase()) {
            Map<String, String> env = new HashMap<>();
            env.put("VECTOR_DB_JDBC_URL", own.settings().url());
            env.put("VECTOR_DB_USER", own.settings().user());
            env.put("VECTOR_DB_PASSWORD", own.settings().password());
            env.put("ARTIFACT_CACHE_DIR", tmp.resolve("cache").toString());
            env.put("ML_ARTIFACTS_URI", TestArtifacts.write(tmp.resolve("h1"), "h-v1", "A", 1, 50, 10, 4, 1).toUri().toString());
            EmbeddingsLoaderHandler handler = handler(env);

            Map<String, Object> loaded = handler.handleRequest(Map.of(), null);
            assertThat(loaded).containsEntry("status", "loaded").containsEntry("model_version", "h-v1")
                    .containsEntry("item_rows", 50L).containsEntry("user_rows", 10L).containsKey("run_id");
            assertThat(handler.handleRequest(Map.of(), null)).containsEntry("status", "unchanged");
            assertThat(handler.handleRequest(Map.of("force", true), null)).containsEntry("status", "loaded");

            env.put("ML_ARTIFACTS_URI", TestArtifacts.write(tmp.resolve("h2"), "h-v2", "B", 100, 60, 10, 4, 2).toUri().toString());
            assertThat(handler(env).handleRequest(Map.of(), null))
                    .containsEntry("status", "loaded").containsEntry("item_rows", 60L);
            assertThat(handler.handleRequest(Map.of("rollback", true), null))
                    .containsEntry("status", "rolled_back").containsEntry("model_version", "h-v1")
                    .containsEntry("item_rows", 50L);
            assertThatThrownBy(() -> handler.handleRequest(Map.of("rollback", true, "force", true), null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theHandlersAndTheClisLinesFollowTheLogSchemaWithTheRunIdAsCorrelationId() throws Exception {
        try (TestDatabase own = new TestDatabase()) {
            Map<String, String> env = new HashMap<>(env());
            env.put("VECTOR_DB_JDBC_URL", own.settings().url());
            env.put("VECTOR_DB_USER", own.settings().user());
            env.put("VECTOR_DB_PASSWORD", own.settings().password());
            env.put("ML_ARTIFACTS_URI", TestArtifacts.write(tmp.resolve("l1"), "l-v1", "A", 1, 30, 10, 4, 1).toUri().toString());
            EmbeddingsLoaderHandler handler = handler(env);
            TestLambdaContext context = new TestLambdaContext("recs-embeddings-loader", "1", "req-5");
            AtomicReference<Map<String, Object>> outcome = new AtomicReference<>();

            List<JsonNode> lambda = LogSchemaCheck.parse(LogCapture.run("logback.xml",
                    () -> outcome.set(handler.handleRequest(Map.of(), context))).stdout());

            LogSchemaCheck.assertSchema(lambda, "embeddings-loader");
            JsonNode done = LogSchemaCheck.event(lambda, "load_done").get(0);
            LogSchemaCheck.assertInvocation(done, context, true);
            assertThat(done.path("correlation_id").asText()).isEqualTo(outcome.get().get("run_id"));
            assertThat(done.path("model_version").asText()).isEqualTo("l-v1");
            assertThat(done.path("item_rows").asLong()).isEqualTo(30);
            assertThat(done.path("duration_ms").isIntegralNumber()).isTrue();

            Path bad = TestArtifacts.write(tmp.resolve("l2"), "l-v2", "B", 100, 30, 10, 4, 2);
            Files.writeString(bad.resolve("embeddings/item_embeddings.csv"), "B-1,\"[1,2,3,4]\"\n",
                    StandardOpenOption.APPEND);
            TestArtifacts.seal(bad, "l-v2", 4);
            List<JsonNode> cli = LogSchemaCheck.parse(LogCapture.run("logback.xml",
                    () -> assertThat(run(env, "--artifacts", bad.toString())).isEqualTo(ExitCodes.INVALID_INPUT))
                    .stdout());

            LogSchemaCheck.assertSchema(cli, "embeddings-loader");
            JsonNode refused = LogSchemaCheck.event(cli, "load_refused").get(0);
            assertThat(refused.path("model_version").asText()).isEqualTo("l-v2");
            assertThat(refused.path("reason").asText()).isEqualTo("invalid_input");
            assertThat(refused.path("correlation_id").asText()).isNotBlank().isNotEqualTo(outcome.get().get("run_id"));
            assertThat(refused.has("function_name")).as("no Lambda keys in the CLI").isFalse();
        }
    }

    @Test
    void handlerTakesTerraformsEvent() throws Exception {
        try (TestDatabase own = new TestDatabase()) {
            Map<String, String> env = new HashMap<>();
            env.put("VECTOR_DB_JDBC_URL", own.settings().url());
            env.put("VECTOR_DB_USER", own.settings().user());
            env.put("VECTOR_DB_PASSWORD", own.settings().password());
            env.put("ARTIFACT_CACHE_DIR", tmp.resolve("cache").toString());
            env.put("ML_ARTIFACTS_URI", TestArtifacts.write(tmp.resolve("t1"), "t-v1", "A", 1, 30, 10, 4, 1).toUri().toString());
            EmbeddingsLoaderHandler handler = handler(env);
            Path t2 = TestArtifacts.write(tmp.resolve("t2"), "t-v2", "B", 100, 40, 10, 4, 2);

            // As Terraform sends it, with model_version left null, plus a field this loader does not know.
            Map<String, Object> event = new HashMap<>();
            event.put("source", "terraform");
            event.put("artifacts_uri", t2.toUri().toString());
            event.put("manifest_etag", "\"0f343b0931126a20f133d67c2b018a3b\"");
            event.put("expected_version", null);
            event.put("requested_by", "ci");
            assertThat(handler.handleRequest(event, null)).containsEntry("status", "loaded")
                    .containsEntry("model_version", "t-v2").containsEntry("item_rows", 40L);

            List<String> tables = own.tables();
            List<String> versions = own.strings("SELECT * FROM embedding_versions ORDER BY table_id");
            event.put("expected_version", "t-v3");
            event.put("force", true);
            assertThatThrownBy(() -> handler.handleRequest(event, null))
                    .isInstanceOf(InvalidEmbeddingsException.class)
                    .hasMessageContaining("model_version is \"t-v2\" but expected_version is \"t-v3\"");
            assertThat(own.tables()).isEqualTo(tables);
            assertThat(own.strings("SELECT * FROM embedding_versions ORDER BY table_id")).isEqualTo(versions);

            event.put("expected_version", "t-v2");
            event.remove("force");
            assertThat(handler.handleRequest(event, null)).containsEntry("status", "unchanged");
            event.put("artifacts_uri", "https://example.com/models");
            assertThatThrownBy(() -> handler.handleRequest(event, null)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("artifacts_uri must be s3://bucket[/prefix] or file:///absolute/path");
        }
    }

    @Test
    void anUnexpectedVersionFailsBeforeTheDatabaseIsContacted() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> env = new HashMap<>();
        env.put("VECTOR_DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere");
        env.put("VECTOR_DB_USER", "nobody");
        env.put("VECTOR_DB_PASSWORD", "none");
        env.put("ARTIFACT_CACHE_DIR", tmp.resolve("cache").toString());
        env.put("ML_ARTIFACTS_URI", TestArtifacts.write(tmp.resolve("u1"), "u-v1", "A", 1, 5, 5, 4, 1).toUri().toString());
        EmbeddingsLoaderHandler handler = handler(env);

        assertThatThrownBy(() -> handler.handleRequest(Map.of("expected_version", "u-v2"), null))
                .isInstanceOf(InvalidEmbeddingsException.class)
                .hasMessageContaining("model_version is \"u-v1\" but expected_version is \"u-v2\"");
        assertThatThrownBy(() -> handler.handleRequest(Map.of("expected_version", "u-v1"), null))
                .isInstanceOf(DatabaseUnavailableException.class);
    }
}
