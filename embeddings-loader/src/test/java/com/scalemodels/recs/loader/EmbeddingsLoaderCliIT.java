package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.config.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
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
        return env;
    }

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return EmbeddingsLoaderCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
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
                "--hnsw-m", "--hnsw-ef-construction", "Exit codes:", "3   invalid input", "4   database unreachable");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(run(Map.of(), "--no-such-option")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(Map.of(), "--rollback", "--status")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(Map.of(), "--artifacts", tmp.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("VECTOR_DB_JDBC_URL");
    }

    @Test
    void unreachableDatabaseExitsWith4() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path artifacts = TestArtifacts.write(tmp.resolve("a"), "cli-v1", "A", 1, 20, 5, 4, 1);
        Map<String, String> env = new HashMap<>(Map.of("PW", "secret-pw"));
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
        assertThat(out()).containsPattern("live +cli-v2").containsPattern("previous +cli-v1");

        Path bad = TestArtifacts.write(tmp.resolve("v3"), "cli-v3", "C", 200, 30, 20, 4, 3);
        Files.writeString(bad.resolve("embeddings/item_embeddings.csv"), "C-1,\"[1,2,3,4]\"\n", StandardOpenOption.APPEND);
        assertThat(run(env, "--artifacts", bad.toString(), "--validate-only")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run(env, "--artifacts", bad.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err()).contains("item_embeddings.csv:32: duplicate id 'C-1' (first on line 3)");

        int rolledBack = run(env, "--rollback");
        assertThat(rolledBack).as(err()).isZero();
        assertThat(out()).contains("rolled back from cli-v2 to cli-v1");
        assertThat(db.strings("SELECT model_version FROM embedding_live_version")).containsExactly("cli-v1");
    }

    @Test
    void handlerLoadsReportsUnchangedAndRollsBack() throws Exception {
        try (TestDatabase own = new TestDatabase()) {
            Map<String, String> env = new HashMap<>();
            env.put("VECTOR_DB_JDBC_URL", own.settings().url());
            env.put("VECTOR_DB_USER", own.settings().user());
            env.put("VECTOR_DB_PASSWORD", own.settings().password());
            env.put("ML_ARTIFACTS_URI", TestArtifacts.write(tmp.resolve("h1"), "h-v1", "A", 1, 50, 10, 4, 1).toUri().toString());
            EmbeddingsLoaderHandler handler = new EmbeddingsLoaderHandler(new Environment(env));

            Map<String, Object> loaded = handler.handleRequest(Map.of(), null);
            assertThat(loaded).containsEntry("status", "loaded").containsEntry("model_version", "h-v1")
                    .containsEntry("item_rows", 50L).containsEntry("user_rows", 10L).containsKey("run_id");
            assertThat(handler.handleRequest(Map.of(), null)).containsEntry("status", "unchanged");
            assertThat(handler.handleRequest(Map.of("force", true), null)).containsEntry("status", "loaded");

            env.put("ML_ARTIFACTS_URI", TestArtifacts.write(tmp.resolve("h2"), "h-v2", "B", 100, 60, 10, 4, 2).toUri().toString());
            assertThat(new EmbeddingsLoaderHandler(new Environment(env)).handleRequest(Map.of(), null))
                    .containsEntry("status", "loaded").containsEntry("item_rows", 60L);
            assertThat(handler.handleRequest(Map.of("rollback", "true"), null))
                    .containsEntry("status", "rolled_back").containsEntry("model_version", "h-v1")
                    .containsEntry("item_rows", 50L);
            assertThatThrownBy(() -> handler.handleRequest(Map.of("rollback", true, "force", true), null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
