package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.config.Environment;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gate's rules without a database: directions from gate.direction, floors, tolerance, comparability. */
class QualityGateTest {

    private final QualityGate gate = new QualityGate(QualityGateSettings.defaults());

    private static ModelMetrics parse(String json) {
        return ModelMetrics.parse(json.getBytes(StandardCharsets.UTF_8), "metrics.json");
    }

    private static QualityGate.Live live(String json) {
        return new QualityGate.Live("live-1", parse(json));
    }

    @Test
    void directionComesFromTheGateBlock() {
        QualityGate.Live live = live(TestArtifacts.GOOD_METRICS);
        // top1_share is lower-is-better: a drop is never a failure, a rise past the tolerance is.
        String lessConcentrated = TestArtifacts.metrics("d1", 0.1, 0.19, 0.13, 0.98, 0.01);
        assertThat(gate.judge("v", parse(lessConcentrated), Optional.of(live)).passed()).isTrue();
        String moreConcentrated = TestArtifacts.metrics("d1", 0.1, 0.19, 0.13, 0.98, 0.0661);
        assertThat(gate.judge("v", parse(moreConcentrated), Optional.of(live)).failures())
                .containsExactly("top1_share = 0.0661 is worse than the live version live-1's 0.06 by more than the"
                        + " tolerance 10% (at most 0.066, QUALITY_GATE_TOLERANCE)");
        // The same figures with the direction flipped in metrics.json: now the rise is better, the drop worse.
        String flipped = lessConcentrated.replace("\"top1_share\": \"lower\"", "\"top1_share\": \"higher\"");
        assertThat(gate.judge("v", parse(flipped), Optional.of(live)).failures()).singleElement().asString()
                .startsWith("top1_share = 0.01 is worse than the live version");
    }

    @Test
    void exactlyAtTheLimitsPasses() {
        String atFloors = TestArtifacts.metrics("d1", 0.005, 0.005, 0.005, 0.25, 0.3);
        assertThat(gate.judge("v", parse(atFloors), Optional.empty()).passed()).isTrue();
        QualityGate.Live live = live(TestArtifacts.metrics("d1", 0.5, 0.5, 0.5, 0.5, 0.25));
        String atTolerance = TestArtifacts.metrics("d1", 0.45, 0.45, 0.45, 0.45, 0.275);
        assertThat(gate.judge("v", parse(atTolerance), Optional.of(live)).failures()).isEmpty();
    }

    @Test
    void notesSayWhatWasNotCompared() {
        ModelMetrics candidate = parse(TestArtifacts.GOOD_METRICS);
        assertThat(gate.judge("v", candidate, Optional.empty()).notes())
                .containsExactly("no version is live: checked against the floors only");
        assertThat(gate.judge("v", candidate, Optional.of(new QualityGate.Live("old", null))).notes())
                .containsExactly("the live version old has no recorded metrics: checked against the floors only");
        String otherSplit = TestArtifacts.GOOD_METRICS.replace("\"test_share\": 0.3", "\"test_share\": 0.2");
        assertThat(gate.judge("v", parse(otherSplit), Optional.of(live(TestArtifacts.GOOD_METRICS))).notes())
                .singleElement().asString().contains("dataset.sha256 or split differ");
    }

    @Test
    void theStoredFormReadsBackToTheSameMetrics() {
        ModelMetrics metrics = parse(TestArtifacts.GOOD_METRICS);
        ModelMetrics stored = ModelMetrics.parse(metrics.storedJson().getBytes(StandardCharsets.UTF_8), "stored");
        assertThat(stored).isEqualTo(metrics);
        assertThat(stored.comparableWith(metrics)).isTrue();
        // jsonb writes numbers in its own form; the split is still the same split.
        String renumbered = TestArtifacts.GOOD_METRICS.replace("\"seed\": 42, \"test_share\": 0.3",
                "\"seed\": 4.2e1, \"test_share\": 0.30");
        assertThat(parse(renumbered).comparableWith(metrics)).isTrue();
    }

    @Test
    void malformedGateBlocksAreProblems() {
        String badDirection = TestArtifacts.GOOD_METRICS.replace("\"mrr\": \"higher\"", "\"mrr\": \"up\"");
        assertThat(gate.judge("v", parse(badDirection), Optional.empty()).failures())
                .containsExactly("metrics.json gate.direction.mrr: must be higher or lower");
        String noGate = TestArtifacts.GOOD_METRICS.replaceFirst("\"gate\": \\{.*?}}, ", "");
        assertThat(gate.judge("v", parse(noGate), Optional.empty()).failures())
                .containsExactly("metrics.json gate: required");
    }

    @Test
    void settingsComeFromTheEnvironmentAndNameTheVariable() {
        QualityGateSettings settings = QualityGateSettings.fromEnvironment(new Environment(Map.of(
                "QUALITY_GATE_MIN_NDCG_AT_10", "0.02", "QUALITY_GATE_MAX_TOP1_SHARE", "0.25",
                "QUALITY_GATE_TOLERANCE", "0.05")));
        assertThat(settings.tolerance()).isEqualTo(0.05);
        assertThat(settings.floors()).extracting(QualityGateSettings.Floor::metric, QualityGateSettings.Floor::limit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ndcg_at_10", 0.02),
                        org.assertj.core.groups.Tuple.tuple("recall_at_10", 0.005),
                        org.assertj.core.groups.Tuple.tuple("mrr", 0.005),
                        org.assertj.core.groups.Tuple.tuple("coverage_at_10", 0.25),
                        org.assertj.core.groups.Tuple.tuple("top1_share", 0.25));
        assertThatThrownBy(() -> QualityGateSettings.fromEnvironment(new Environment(Map.of(
                "QUALITY_GATE_TOLERANCE", "1.5")))).isInstanceOf(ConfigException.class)
                .hasMessage("environment variable QUALITY_GATE_TOLERANCE must be between 0.0 and 1.0, got 1.5");
        assertThatThrownBy(() -> QualityGateSettings.fromEnvironment(new Environment(Map.of(
                "QUALITY_GATE_MIN_MRR", "ten")))).hasMessageContaining("QUALITY_GATE_MIN_MRR must be a number");
    }
}
