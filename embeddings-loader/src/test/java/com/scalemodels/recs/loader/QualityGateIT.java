package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.config.Environment;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quality gate against the local PostgreSQL: pass, floors, the live version, missing metrics, force. */
class QualityGateIT {

    private static final int DIM = 4;

    @TempDir
    Path tmp;

    private TestDatabase db;
    private EmbeddingsLoaderService service;

    @BeforeEach
    void createDatabase() throws SQLException {
        db = new TestDatabase();
        service = service(QualityGateSettings.defaults());
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        db.close();
    }

    private EmbeddingsLoaderService service(QualityGateSettings gate) {
        return new EmbeddingsLoaderService(new DatabaseConnector(db.config()),
                LoadSettings.defaults(8, 16).withIndexBuild(64, 0), gate, ProgressListener.NONE, Optional.empty());
    }

    /** A version whose metrics.json is {@code metrics} ({@code null}: the folder has none). */
    private EmbeddingsSource version(String version, String metrics) throws Exception {
        Path dir = TestArtifacts.write(tmp.resolve(version), version, version.toUpperCase(), 1000, 40, 10, DIM,
                version.hashCode());
        return TestArtifacts.source(TestArtifacts.withMetrics(dir, version, DIM, metrics), tmp.resolve("cache"));
    }

    /** Everything a refusal must leave as it was: tables, bookkeeping, live rows, the table id sequence. */
    private List<List<String>> snapshot() throws SQLException {
        List<List<String>> state = new ArrayList<>();
        state.add(db.tables());
        boolean installed = db.tables().contains("embedding_versions");
        state.add(installed ? db.strings("SELECT * FROM embedding_versions ORDER BY table_id") : List.of());
        state.add(installed ? db.strings("SELECT last_value, is_called FROM embedding_table_id_seq") : List.of());
        state.add(db.tables().contains("item_emb") ? db.strings("SELECT id, embedding::text FROM item_emb ORDER BY id")
                : List.of());
        return state;
    }

    /** On a fresh database a refusal leaves only the idempotent schema: no version staged, no table id taken. */
    private void assertNothingStaged() throws SQLException {
        assertThat(db.strings("SELECT count(*) FROM embedding_versions")).containsExactly("0");
        assertThat(db.strings("SELECT is_called FROM embedding_table_id_seq")).containsExactly("f");
        assertThat(db.tables()).noneMatch(t -> t.startsWith("item_emb") || t.startsWith("user_emb"));
    }

    private String live() throws SQLException {
        return String.join(",", db.strings("SELECT model_version FROM embedding_live_version"));
    }

    @Test
    void aGoodVersionPassesAndItsMetricsAreRecorded() throws Exception {
        LoadOutcome v1 = service.load(version("v1", TestArtifacts.GOOD_METRICS), false);
        assertThat(v1.status()).isEqualTo(LoadOutcome.Status.LOADED);
        assertThat(v1.message()).endsWith("; quality gate passed");
        assertThat(db.strings("SELECT metrics->'model'->>'ndcg_at_10', metrics->'gate'->'direction'->>'top1_share',"
                + " metrics->'dataset'->>'sha256' FROM embedding_versions WHERE status = 'live'"))
                .containsExactly("0.1|lower|d1");

        // Better on every metric: passes against the live version too.
        String better = TestArtifacts.metrics(TestArtifacts.DATASET, 0.12, 0.2, 0.14, 0.99, 0.05);
        assertThat(service.load(version("v2", better), false).status()).isEqualTo(LoadOutcome.Status.LOADED);
        assertThat(live()).isEqualTo("v2");
    }

    @Test
    void anotherModelUnderTheLiveVersionsNameIsRefusedNotSkipped() throws Exception {
        assertThat(service.load(version("v1", TestArtifacts.GOOD_METRICS), false).status())
                .isEqualTo(LoadOutcome.Status.LOADED);
        assertThat(service.load(version("v1", TestArtifacts.GOOD_METRICS), false).status())
                .as("the same artifacts again").isEqualTo(LoadOutcome.Status.UNCHANGED);

        String retrained = TestArtifacts.metrics(TestArtifacts.DATASET, 0.12, 0.2, 0.14, 0.99, 0.05);
        Path dir = TestArtifacts.write(tmp.resolve("retrained"), "v1", "R", 1000, 40, 10, DIM, 7);
        EmbeddingsSource sameName = TestArtifacts.source(TestArtifacts.withMetrics(dir, "v1", DIM, retrained),
                tmp.resolve("cache-retrained"));
        List<List<String>> before = snapshot();
        assertThatThrownBy(() -> service.load(sameName, false))
                .isInstanceOf(LoaderStateException.class)
                .hasMessageContaining("model version v1 is live with other metrics than this metrics.json")
                .hasMessageContaining("own model_version");
        assertThat(snapshot()).isEqualTo(before);

        assertThat(service.load(sameName, true).status()).isEqualTo(LoadOutcome.Status.LOADED);
        assertThat(db.strings("SELECT metrics->'model'->>'ndcg_at_10' FROM embedding_versions WHERE status = 'live'"))
                .containsExactly("0.12");
    }

    @Test
    void aVersionBelowAFloorIsRefusedBeforeAnythingIsStaged() throws Exception {
        String poor = TestArtifacts.metrics(TestArtifacts.DATASET, 0.10, 0.19, 0.13, 0.1, 0.5);
        EmbeddingsSource v1 = version("v1", poor);

        assertThatThrownBy(() -> service.load(v1, false))
                .isInstanceOf(QualityGateException.class)
                .hasMessageStartingWith("quality gate refused model version v1 (the database is unchanged;")
                .hasMessageContaining("coverage_at_10 = 0.1 is below the floor 0.25 (QUALITY_GATE_MIN_COVERAGE_AT_10)")
                .hasMessageContaining("top1_share = 0.5 is above the ceiling 0.3 (QUALITY_GATE_MAX_TOP1_SHARE)")
                .hasMessageNotContaining("ndcg_at_10");
        assertNothingStaged();

        // Floors are configuration: with the coverage floor off and a higher ceiling the same version passes.
        Map<String, String> env = Map.of("QUALITY_GATE_MIN_COVERAGE_AT_10", "0", "QUALITY_GATE_MAX_TOP1_SHARE", "0.6");
        assertThat(service(QualityGateSettings.fromEnvironment(new Environment(env))).load(v1, false).status())
                .isEqualTo(LoadOutcome.Status.LOADED);
    }

    @Test
    void aVersionWorseThanTheLiveOneBeyondTheToleranceIsRefusedAndTheDatabaseIsUnchanged() throws Exception {
        service.load(version("v1", TestArtifacts.GOOD_METRICS), false);
        List<List<String>> before = snapshot();

        // ndcg 15 % lower, top1_share 1/6 higher (lower is better for it), mrr 5 % lower (within 10 %).
        String worse = TestArtifacts.metrics(TestArtifacts.DATASET, 0.085, 0.19, 0.1235, 0.98, 0.07);
        assertThatThrownBy(() -> service.load(version("v2", worse), false))
                .isInstanceOf(QualityGateException.class)
                .hasMessageContaining("ndcg_at_10 = 0.085 is worse than the live version v1's 0.1 by more than the"
                        + " tolerance 10% (at least 0.09, QUALITY_GATE_TOLERANCE)")
                .hasMessageContaining("top1_share = 0.07 is worse than the live version v1's 0.06 by more than the"
                        + " tolerance 10% (at most 0.066, QUALITY_GATE_TOLERANCE)")
                .hasMessageNotContaining("mrr");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(live()).isEqualTo("v1");

        // The tolerance is configuration: at 20 % the same figures pass.
        QualityGateSettings lenient = new QualityGateSettings(QualityGateSettings.defaults().floors(), 0.2);
        assertThat(service(lenient).load(version("v2", worse), false).status()).isEqualTo(LoadOutcome.Status.LOADED);
    }

    @Test
    void figuresFromOtherDataAreNotComparedWithTheLiveVersion() throws Exception {
        service.load(version("v1", TestArtifacts.GOOD_METRICS), false);
        String otherData = TestArtifacts.metrics("d2", 0.02, 0.03, 0.03, 0.6, 0.1);
        assertThat(service.load(version("v2", otherData), false).status()).isEqualTo(LoadOutcome.Status.LOADED);
        // …but the floors still apply to them.
        String otherDataPoor = TestArtifacts.metrics("d3", 0.004, 0.03, 0.03, 0.6, 0.1);
        assertThatThrownBy(() -> service.load(version("v3", otherDataPoor), false))
                .isInstanceOf(QualityGateException.class)
                .hasMessageContaining("ndcg_at_10 = 0.004 is below the floor 0.005");
    }

    @Test
    void missingMetricsAreRefused() throws Exception {
        assertThatThrownBy(() -> service.load(version("v1", null), false))
                .isInstanceOf(QualityGateException.class)
                .hasMessageContaining("metrics.json: not listed in manifest.json, so model version v1 has no offline"
                        + " evaluation");
        String noMrr = TestArtifacts.GOOD_METRICS.replace("\"mrr\": 0.13, ", "");
        assertThatThrownBy(() -> service.load(version("v2", noMrr), false))
                .isInstanceOf(QualityGateException.class)
                .hasMessageEndingWith("overrides the gate): metrics.json model.mrr: required (QUALITY_GATE_MIN_MRR sets"
                        + " a floor for it)");
        String nullNdcg = TestArtifacts.GOOD_METRICS.replace("\"ndcg_at_10\": 0.1,", "\"ndcg_at_10\": null,");
        assertThatThrownBy(() -> service.load(version("v3", nullNdcg), false))
                .isInstanceOf(QualityGateException.class)
                .hasMessageContaining("metrics.json model.ndcg_at_10: required");
        assertThatThrownBy(() -> service.load(version("v4", "{\"model\": "), false))
                .isInstanceOf(QualityGateException.class).hasMessageContaining("metrics.json JSON");
        assertNothingStaged();
    }

    @Test
    void forceOverridesTheGateAndTheForcedFiguresBecomeTheLiveOnes() throws Exception {
        service.load(version("v1", TestArtifacts.GOOD_METRICS), false);
        String worse = TestArtifacts.metrics(TestArtifacts.DATASET, 0.06, 0.19, 0.13, 0.98, 0.06);
        EmbeddingsSource v2 = version("v2", worse);
        assertThatThrownBy(() -> service.load(v2, false)).isInstanceOf(QualityGateException.class);

        LoadOutcome forced = service.load(v2, true);
        assertThat(forced.status()).isEqualTo(LoadOutcome.Status.LOADED);
        assertThat(forced.message()).contains("quality gate overridden by force: ndcg_at_10 = 0.06 is worse than the"
                + " live version v1's 0.1");
        assertThat(live()).isEqualTo("v2");
        assertThat(db.strings("SELECT metrics->'model'->>'ndcg_at_10' FROM embedding_versions WHERE status = 'live'"))
                .containsExactly("0.06");

        // The next version is compared with what is live now (v2), not with v1.
        String likeV2 = TestArtifacts.metrics(TestArtifacts.DATASET, 0.058, 0.19, 0.13, 0.98, 0.06);
        assertThat(service.load(version("v3", likeV2), false).status()).isEqualTo(LoadOutcome.Status.LOADED);

        // A forced version without metrics records none, and the next one is checked against the floors only.
        service.load(version("v4", null), true);
        assertThat(db.strings("SELECT metrics IS NULL FROM embedding_versions WHERE status = 'live'"))
                .containsExactly("t");
        assertThat(service.load(version("v5", TestArtifacts.metrics("d1", 0.01, 0.01, 0.01, 0.5, 0.2)), false)
                .status()).isEqualTo(LoadOutcome.Status.LOADED);
    }

    @Test
    void theLambdaFailsWithItsOwnErrorTypeAndLoadsWhenForced() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("VECTOR_DB_JDBC_URL", db.settings().url());
        env.put("VECTOR_DB_USER", db.settings().user());
        env.put("VECTOR_DB_PASSWORD", db.settings().password());
        env.put("ARTIFACT_CACHE_DIR", tmp.resolve("cache").toString());
        env.put("QUALITY_GATE_MIN_NDCG_AT_10", "0.2");
        Path dir = TestArtifacts.write(tmp.resolve("h1"), "h-v1", "A", 1, 20, 5, DIM, 1);
        env.put("ML_ARTIFACTS_URI", dir.toUri().toString());
        EmbeddingsLoaderHandler handler = new EmbeddingsLoaderHandler(
                LoaderConfig.fromEnvironment(new Environment(env)), TestArtifacts::noS3);

        assertThatThrownBy(() -> handler.handleRequest(Map.of("source", "terraform"), null))
                .isExactlyInstanceOf(QualityGateException.class)
                .isNotInstanceOf(InvalidEmbeddingsException.class)
                .hasMessageContaining("ndcg_at_10 = 0.1 is below the floor 0.2 (QUALITY_GATE_MIN_NDCG_AT_10)");
        assertThat(ExitCodes.of(new QualityGateException("x", List.of()))).isEqualTo(ExitCodes.QUALITY_GATE)
                .isNotIn(ExitCodes.INVALID_INPUT, ExitCodes.DATABASE_UNAVAILABLE, ExitCodes.STATE_CONFLICT,
                        ExitCodes.FAILURE, ExitCodes.USAGE);
        assertThat(handler.handleRequest(Map.of("force", true), null))
                .containsEntry("status", "loaded").containsEntry("model_version", "h-v1");
    }
}
