package com.scalemodels.recs.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a {@code terraform test} assertion cannot see about the dashboard, the alarms and the saved Logs Insights
 * queries, because it lives in Java or in the READMEs: the custom metrics they read are the ones the transformation
 * function's code publishes (names and dimension), and the queries the READMEs print are the saved ones, word for
 * word. A metric renamed on one side only would leave a flat line on the dashboard and an alarm that never fires.
 */
class MonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TRANSFORMATION_MODULE = "transformation-lambda";
    private static final Pattern PUT_METRIC = Pattern.compile("\\.putMetric\\(\\s*\"([A-Za-z0-9_.]+)\"");
    private static final Pattern DIMENSION_SET = Pattern.compile("DimensionSet\\.of\\(\\s*(\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_]*)\\s*,");
    private static final Pattern STRING_CONSTANT = Pattern.compile("static final String ([A-Z_][A-Z0-9_]*) = \"([^\"]*)\";");
    /** The metric names of a Metrics Insights query: {@code SELECT SUM(Name) FROM "namespace" …}. */
    private static final Pattern METRICS_INSIGHTS = Pattern.compile("SELECT\\s+\\w+\\((\\w+)\\)\\s+FROM\\s+\"([^\"]+)\"(.*)");

    private static final List<Path> READMES = List.of(Repo.ROOT.resolve("README.md"), Repo.TERRAFORM.resolve("README.md"));

    @Test
    void dashboardAndAlarmsReadTheMetricsTheTransformationFunctionPublishes() throws IOException {
        String sources = javaSources(Repo.ROOT.resolve(TRANSFORMATION_MODULE).resolve("src/main/java"));
        Set<String> published = all(PUT_METRIC, sources);
        Set<String> dimensions = dimensionKeys(sources);
        Problems problems = new Problems("custom metrics read by the dashboard and alarms vs. what "
                + TRANSFORMATION_MODULE + " publishes (metrics " + published + ", dimension " + dimensions + ")");
        problems.check(!published.isEmpty(), "found no putMetric(\"…\") in " + TRANSFORMATION_MODULE
                + ": this check no longer knows which metrics the code publishes");
        problems.check(dimensions.size() == 1, "expected one DimensionSet.of(KEY, functionName) in "
                + TRANSFORMATION_MODULE + ", found keys " + dimensions);
        for (TerraformState state : TerraformSuite.get().rootStates()) {
            TerraformState.Resource function = transformationFunction(state);
            if (function == null) {
                problems.add(state.name() + ": no transformation function");
                continue;
            }
            String namespace = function.block("environment").path("variables").path("METRICS_NAMESPACE").asText("");
            String functionName = function.text("function_name");
            List<String> expectedDimensions = dimensions.isEmpty() ? List.of()
                    : List.of(dimensions.iterator().next(), functionName);
            int read = 0;
            for (TerraformState.Resource dashboard : state.ofType("aws_cloudwatch_dashboard")) {
                String where = state.name() + ": " + dashboard.address();
                for (JsonNode widget : JSON.readTree(dashboard.text("dashboard_body")).path("widgets")) {
                    for (JsonNode row : widget.path("properties").path("metrics")) {
                        if (!row.path(0).isTextual() || !row.path(0).asText().equals(namespace)) {
                            continue;
                        }
                        read++;
                        String metric = row.path(1).asText();
                        problems.check(published.contains(metric), where + " graphs " + namespace + "/" + metric
                                + ", which the code does not publish");
                        List<String> rowDimensions = new ArrayList<>();
                        for (int i = 2; i < row.size() && row.get(i).isTextual(); i++) {
                            rowDimensions.add(row.get(i).asText());
                        }
                        problems.check(rowDimensions.equals(expectedDimensions), where + " reads " + metric
                                + " with dimensions " + rowDimensions + "; the code publishes " + expectedDimensions);
                    }
                }
            }
            for (TerraformState.Resource alarm : state.ofType("aws_cloudwatch_metric_alarm")) {
                String where = state.name() + ": " + alarm.address();
                if (namespace.equals(alarm.text("namespace"))) {
                    read++;
                    problems.check(published.contains(alarm.text("metric_name")), where + " watches " + namespace + "/"
                            + alarm.text("metric_name") + ", which the code does not publish");
                }
                for (JsonNode query : alarm.values().path("metric_query")) {
                    Matcher m = METRICS_INSIGHTS.matcher(query.path("expression").asText(""));
                    if (m.matches() && m.group(2).equals(namespace)) {
                        read++;
                        problems.check(published.contains(m.group(1)), where + " sums " + namespace + "/" + m.group(1)
                                + ", which the code does not publish");
                        problems.check(m.group(3).contains("'" + functionName + "'"), where + " does not restrict "
                                + m.group(1) + " to this deployment's function " + functionName + ": " + m.group(3).trim());
                    }
                }
            }
            problems.check(read > 0, state.name() + ": neither the dashboard nor an alarm reads namespace \"" + namespace
                    + "\" (METRICS_NAMESPACE of " + function.address() + ")");
        }
        problems.assertNone();
    }

    @Test
    void theReadmesPrintTheSavedQueriesWordForWord() throws IOException {
        TerraformState.Output output = TerraformSuite.get().exampleState().outputs().get("logs_insights_queries");
        Problems problems = new Problems("Logs Insights queries in " + READMES.stream().map(p -> Repo.ROOT.relativize(p)
                .toString()).toList() + " vs. the saved ones (terraform output logs_insights_queries)");
        problems.check(output != null && output.value().size() > 0, "no logs_insights_queries output to compare with");
        Map<Path, String> readmes = new HashMap<>();
        for (Path readme : READMES) {
            readmes.put(readme, Files.readString(readme));
        }
        if (output != null) {
            output.value().fields().forEachRemaining(q -> {
                String query = q.getValue().path("query").asText();
                for (Path readme : READMES) {
                    problems.check(readmes.get(readme).contains(query), Repo.ROOT.relativize(readme) + " does not print"
                            + " query " + q.getKey() + " as saved:\n" + query);
                }
            });
        }
        problems.assertNone();
    }

    private static TerraformState.Resource transformationFunction(TerraformState state) {
        String handler = Repo.LAMBDAS.stream().filter(d -> d.module().equals(TRANSFORMATION_MODULE)).findFirst()
                .orElseThrow().handler();
        return state.ofType("aws_lambda_function").stream().filter(f -> handler.equals(f.text("handler")))
                .findFirst().orElse(null);
    }

    /** The first key of each {@code DimensionSet.of(KEY, value)}, a literal or a string constant of the module. */
    private static Set<String> dimensionKeys(String sources) {
        Map<String, String> constants = new HashMap<>();
        Matcher c = STRING_CONSTANT.matcher(sources);
        while (c.find()) {
            constants.put(c.group(1), c.group(2));
        }
        Set<String> keys = new TreeSet<>();
        for (String key : all(DIMENSION_SET, sources)) {
            keys.add(key.startsWith("\"") ? key.substring(1, key.length() - 1) : constants.getOrDefault(key, key + "?"));
        }
        return keys;
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String javaSources(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                all.append(Files.readString(f)).append('\n');
            }
        }
        return all.toString();
    }
}
