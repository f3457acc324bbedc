package com.scalemodels.recs.loader;

import com.scalemodels.recs.loader.QualityGateSettings.Better;
import com.scalemodels.recs.loader.QualityGateSettings.Floor;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a model version may go live, from its metrics.json alone (floors) and from the metrics recorded
 * for the live version (no more than the tolerance worse on any metric of {@code gate.direction}). Figures of
 * versions evaluated on other data or another split are not comparable (docs/contracts.md); then only the floors
 * apply, and the verdict says so.
 */
final class QualityGate {

    private static final MathContext SHOWN = new MathContext(4);

    private final QualityGateSettings settings;

    QualityGate(QualityGateSettings settings) {
        this.settings = settings;
    }

    /** The live version as the gate sees it; {@code metrics} null when none were recorded. */
    record Live(String modelVersion, ModelMetrics metrics) {
    }

    /** Every failure (metric, value, floor or live value) and notes on what was not compared. */
    record Verdict(String modelVersion, List<String> failures, List<String> notes) {

        Verdict {
            failures = List.copyOf(failures);
            notes = List.copyOf(notes);
        }

        boolean passed() {
            return failures.isEmpty();
        }

        /** One line, so it reads the same in a terminal, a log and a Lambda error payload shown by Terraform. */
        String refusal() {
            return "quality gate refused model version " + modelVersion + " (the database is unchanged; --force, or"
                    + " \"force\": true in the Lambda event, overrides the gate): " + String.join("; ", failures);
        }
    }

    Verdict judge(String modelVersion, ModelMetrics candidate, Optional<Live> live) {
        List<String> failures = new ArrayList<>(candidate.problems());
        List<String> notes = new ArrayList<>();
        Map<String, Double> values = candidate.values();
        boolean modelUnreadable = values.isEmpty() && !candidate.problems().isEmpty();
        for (Floor floor : settings.floors()) {
            if (off(floor)) {
                continue;
            }
            Double value = values.get(floor.metric());
            if (value == null) {
                if (!modelUnreadable && !mentions(candidate.problems(), floor.metric())) {
                    failures.add(ModelMetrics.FILE + " model." + floor.metric() + ": required (" + floor.variable()
                            + " sets a " + bound(floor.better()) + " for it)");
                }
            } else if (floor.better() == Better.HIGHER ? value < floor.limit() : value > floor.limit()) {
                failures.add(floor.metric() + " = " + shown(value) + " is " + (floor.better() == Better.HIGHER
                        ? "below the floor " : "above the ceiling ") + shown(floor.limit()) + " (" + floor.variable()
                        + ")");
            }
        }
        candidate.direction().keySet().stream().sorted()
                .filter(metric -> !values.containsKey(metric) && !modelUnreadable
                        && !mentions(candidate.problems(), metric) && !mentions(failures, metric))
                .forEach(metric -> failures.add(ModelMetrics.FILE + " model." + metric
                        + ": required (gate.direction lists it)"));
        compareWithLive(candidate, live, failures, notes);
        return new Verdict(modelVersion, failures, notes);
    }

    private void compareWithLive(ModelMetrics candidate, Optional<Live> live, List<String> failures,
            List<String> notes) {
        if (live.isEmpty()) {
            notes.add("no version is live: checked against the floors only");
            return;
        }
        Live current = live.get();
        ModelMetrics recorded = current.metrics();
        if (recorded == null || recorded.values().isEmpty()) {
            notes.add("the live version " + current.modelVersion() + " has no recorded metrics: checked against the"
                    + " floors only");
            return;
        }
        if (!candidate.comparableWith(recorded)) {
            notes.add("the live version " + current.modelVersion() + " was evaluated on other data or another split"
                    + " (dataset.sha256 or split differ), so its figures are not comparable: checked against the"
                    + " floors only");
            return;
        }
        double tolerance = settings.tolerance();
        candidate.direction().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Double value = candidate.values().get(e.getKey());
            Double was = recorded.values().get(e.getKey());
            if (value == null || was == null) {
                return;
            }
            boolean higher = e.getValue() == Better.HIGHER;
            double limit = higher ? was * (1 - tolerance) : was * (1 + tolerance);
            if (higher ? value < limit : value > limit) {
                failures.add(e.getKey() + " = " + shown(value) + " is worse than the live version "
                        + current.modelVersion() + "'s " + shown(was) + " by more than the tolerance "
                        + shown(tolerance * 100) + "% (" + (higher ? "at least " : "at most ") + shown(limit)
                        + ", QUALITY_GATE_TOLERANCE)");
            }
        });
    }

    private static boolean off(Floor floor) {
        return floor.better() == Better.HIGHER ? floor.limit() <= 0 : floor.limit() >= 1;
    }

    private static boolean mentions(List<String> lines, String metric) {
        return lines.stream().anyMatch(line -> line.contains("model." + metric) || line.startsWith(metric + " "));
    }

    private static String bound(Better better) {
        return better == Better.HIGHER ? "floor" : "ceiling";
    }

    static String shown(double value) {
        return new BigDecimal(value).round(SHOWN).stripTrailingZeros().toPlainString();
    }
}
