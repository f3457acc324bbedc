package com.scalemodels.recs.loader;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.config.Environment;
import java.util.List;
import java.util.Objects;

/**
 * The quality gate's limits: a floor per metric of {@code metrics.json} (a ceiling for lower-is-better metrics) and
 * how much worse than the live version's a metric may be, relative to the live value ({@code 0.10} = 10 %).
 *
 * <p>The floors only catch a broken model: NDCG@10 and recall@10 fall about tenfold from the committed sample
 * (110 products) to scale 10 (1,100 products), so a floor that fits one catalog size is meaningless for another.
 * The comparison with the live version is what stops a worse model.
 */
public record QualityGateSettings(List<Floor> floors, double tolerance) {

    /** Which way a metric is better, as {@code metrics.json}'s {@code gate.direction} names it. */
    public enum Better {
        HIGHER("higher"), LOWER("lower");

        private final String jsonName;

        Better(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        /** @return the direction named {@code name} in metrics.json, or null if none is */
        public static Better fromJson(String name) {
            for (Better b : values()) {
                if (b.jsonName.equals(name)) {
                    return b;
                }
            }
            return null;
        }
    }

    /**
     * {@code metric} must be at least {@code limit} (HIGHER) or at most {@code limit} (LOWER); {@code variable} is
     * where the limit comes from, for messages.
     */
    public record Floor(String metric, Better better, double limit, String variable) {
        public Floor {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(better, "better");
            Objects.requireNonNull(variable, "variable");
            if (!(limit >= 0 && limit <= 1)) {
                throw new ConfigException(variable + " must be between 0 and 1, got " + limit);
            }
        }
    }

    static final double DEFAULT_MIN_NDCG_AT_10 = 0.005;
    static final double DEFAULT_MIN_RECALL_AT_10 = 0.005;
    static final double DEFAULT_MIN_MRR = 0.005;
    static final double DEFAULT_MIN_COVERAGE_AT_10 = 0.25;
    static final double DEFAULT_MAX_TOP1_SHARE = 0.30;
    static final double DEFAULT_TOLERANCE = 0.10;

    public QualityGateSettings {
        floors = List.copyOf(floors);
        if (!(tolerance >= 0 && tolerance <= 1)) {
            throw new ConfigException("quality gate tolerance must be between 0 and 1, got " + tolerance);
        }
    }

    /**
     * QUALITY_GATE_MIN_NDCG_AT_10 (0.005), QUALITY_GATE_MIN_RECALL_AT_10 (0.005), QUALITY_GATE_MIN_MRR (0.005),
     * QUALITY_GATE_MIN_COVERAGE_AT_10 (0.25), QUALITY_GATE_MAX_TOP1_SHARE (0.30), QUALITY_GATE_TOLERANCE (0.10);
     * each in [0, 1]. A floor of 0 (a ceiling of 1) turns that check off.
     */
    static QualityGateSettings fromEnvironment(Environment env) {
        return new QualityGateSettings(List.of(
                new Floor("ndcg_at_10", Better.HIGHER,
                        env.decimal("QUALITY_GATE_MIN_NDCG_AT_10", DEFAULT_MIN_NDCG_AT_10, 0, 1),
                        "QUALITY_GATE_MIN_NDCG_AT_10"),
                new Floor("recall_at_10", Better.HIGHER,
                        env.decimal("QUALITY_GATE_MIN_RECALL_AT_10", DEFAULT_MIN_RECALL_AT_10, 0, 1),
                        "QUALITY_GATE_MIN_RECALL_AT_10"),
                new Floor("mrr", Better.HIGHER,
                        env.decimal("QUALITY_GATE_MIN_MRR", DEFAULT_MIN_MRR, 0, 1),
                        "QUALITY_GATE_MIN_MRR"),
                new Floor("coverage_at_10", Better.HIGHER,
                        env.decimal("QUALITY_GATE_MIN_COVERAGE_AT_10", DEFAULT_MIN_COVERAGE_AT_10, 0, 1),
                        "QUALITY_GATE_MIN_COVERAGE_AT_10"),
                new Floor("top1_share", Better.LOWER,
                        env.decimal("QUALITY_GATE_MAX_TOP1_SHARE", DEFAULT_MAX_TOP1_SHARE, 0, 1),
                        "QUALITY_GATE_MAX_TOP1_SHARE")),
                env.decimal("QUALITY_GATE_TOLERANCE", DEFAULT_TOLERANCE, 0, 1));
    }

    /** The limits a deployed loader uses when none of its variables are set. */
    public static QualityGateSettings defaults() {
        return fromEnvironment(new Environment(java.util.Map.of()));
    }
}
