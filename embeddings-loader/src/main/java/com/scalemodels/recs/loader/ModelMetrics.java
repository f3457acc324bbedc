package com.scalemodels.recs.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalemodels.recs.json.Fields;
import com.scalemodels.recs.json.InvalidFieldException;
import com.scalemodels.recs.json.Json;
import com.scalemodels.recs.loader.QualityGateSettings.Better;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the quality gate reads of a model version's {@code metrics.json} (docs/contracts.md): the model's metrics,
 * which way each is better ({@code gate.direction}), and what makes two versions' figures comparable (the dataset's
 * SHA-256 and the split). The same shape, cut down to these fields, is stored in {@code embedding_versions.metrics},
 * so the live version's figures are read back by the same code.
 *
 * @param values {@code model.<metric>} for every metric that is a finite number
 * @param problems what is missing or malformed, each naming the field; the gate refuses a version that has any
 */
record ModelMetrics(String datasetSha256, JsonNode split, String primary, Map<String, Better> direction,
        Map<String, Double> values, List<String> problems) {

    static final String FILE = "metrics.json";
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : (a.equals(b) ? 0 : 1);
    private static final int MAX_TEXT = 200;

    ModelMetrics {
        direction = Map.copyOf(direction);
        values = Map.copyOf(values);
        problems = List.copyOf(problems);
    }

    /** A version without metrics.json. */
    static ModelMetrics missing(String why) {
        return new ModelMetrics(null, null, null, Map.of(), Map.of(), List.of(why));
    }

    /** Parses metrics.json (or the stored form); never throws on bad content, it becomes {@link #problems}. */
    static ModelMetrics parse(byte[] json, String source) {
        JsonNode tree;
        Fields root;
        try {
            tree = Json.read(json);
            root = Fields.root(tree, "JSON");
        } catch (InvalidFieldException e) {
            return missing(source + " " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        String sha = null;
        JsonNode split = null;
        String primary = null;
        Map<String, Better> direction = new LinkedHashMap<>();
        Map<String, Double> values = new LinkedHashMap<>();
        try {
            sha = root.requiredObject("dataset").requiredText("sha256", MAX_TEXT);
        } catch (InvalidFieldException e) {
            problems.add(source + " " + e.getMessage());
        }
        try {
            root.requiredObject("split");
            split = tree.get("split");
        } catch (InvalidFieldException e) {
            problems.add(source + " " + e.getMessage());
        }
        try {
            Fields gate = root.requiredObject("gate");
            primary = gate.requiredText("primary", MAX_TEXT);
            Fields directions = gate.requiredObject("direction");
            for (String metric : directions.names()) {
                String name = directions.requiredText(metric, MAX_TEXT);
                Better better = Better.fromJson(name);
                if (better == null) {
                    problems.add(source + " " + directions.path(metric) + ": must be higher or lower");
                } else {
                    direction.put(metric, better);
                }
            }
            if (!direction.containsKey(primary)) {
                problems.add(source + " " + gate.path("primary") + ": names a metric that gate.direction does not list");
            }
        } catch (InvalidFieldException e) {
            problems.add(source + " " + e.getMessage());
        }
        try {
            Fields model = root.requiredObject("model");
            for (String metric : model.names()) {
                try {
                    values.put(metric, model.requiredFinite(metric));
                } catch (InvalidFieldException e) {
                    problems.add(source + " " + e.getMessage());
                }
            }
        } catch (InvalidFieldException e) {
            problems.add(source + " " + e.getMessage());
        }
        return new ModelMetrics(sha, split, primary, direction, values, problems);
    }

    boolean complete() {
        return problems.isEmpty();
    }

    /**
     * Figures of two versions compare only when both were evaluated on the same data and split. Numbers compare by
     * value: the stored form has been through jsonb, which may write {@code 1e2} as {@code 100}.
     */
    boolean comparableWith(ModelMetrics other) {
        return datasetSha256 != null && split != null && other.split != null
                && datasetSha256.equals(other.datasetSha256) && split.equals(SAME_VALUE, other.split);
    }

    /** The form stored in embedding_versions.metrics: metrics.json cut down to what the gate reads. */
    String storedJson() {
        ObjectNode root = Json.object();
        root.putObject("dataset").put("sha256", datasetSha256);
        root.set("split", split);
        ObjectNode gate = root.putObject("gate");
        gate.put("primary", primary);
        ObjectNode dir = gate.putObject("direction");
        direction.forEach((metric, better) -> dir.put(metric, better.jsonName()));
        ObjectNode model = root.putObject("model");
        values.forEach(model::put);
        return Json.writeString(root);
    }

}
