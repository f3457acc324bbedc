package com.scalemodels.recs.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every environment variable a deployable's code reads (found in its source, see {@link EnvironmentReads}) is set
 * by Terraform (every function of the applied root module, with both variable sets of terraform/tests/) and by
 * template.yaml for that function, every variable they set is read by that code (no dead settings), local-only credentials never reach Terraform, and template.yaml hides them
 * (NoEcho).
 */
class EnvironmentVariablesTest {

    /** The AWS SDK for Java 2.x reads these itself (template.yaml points the SDK at `sam local start-lambda`). */
    private static final String READ_BY_AWS_SDK = "AWS_ENDPOINT_URL_";
    /**
     * The JVM reads this one: the inference functions' options for the Vector API and C2 (terraform/tests assert
     * its value, {@link #terraformAndSamAgreeOnFixedValues} that template.yaml sets the same).
     */
    private static final String READ_BY_THE_JVM = "JAVA_TOOL_OPTIONS";

    @Test
    void terraformSetsEveryVariableTheCodeReads() throws Exception {
        Problems problems = new Problems("Terraform Lambda environment vs. variables the code reads");
        for (TerraformState state : TerraformSuite.get().rootStates()) {
            for (TerraformState.Resource function : state.ofType("aws_lambda_function")) {
                Repo.Deployable d = Repo.byHandler(function.text("handler"));
                if (d == null) {
                    continue; // reported by LambdaHandlersTest
                }
                Map<String, String> env = terraformEnvironment(function);
                String name = state.name() + ": " + function.address();
                Map<String, String> reads = reads(d, problems);
                for (var read : reads.entrySet()) {
                    if (Repo.LOCAL_ONLY_VARIABLES.contains(read.getKey())) {
                        continue;
                    }
                    problems.check(env.containsKey(read.getKey()), name + " does not set " + read.getKey()
                            + " (read by " + read.getValue() + ")");
                }
                for (String key : env.keySet()) {
                    problems.check(reads.containsKey(key) || key.equals(READ_BY_THE_JVM), name + " sets " + key
                            + ", which no code of "
                            + d.module() + " reads: a dead setting (remove it, or read it in the function's config)");
                    problems.check(!Repo.LOCAL_ONLY_VARIABLES.contains(key), name + " sets " + key
                            + ": credentials come from the secret in VECTOR_DB_SECRET_ID, never from the environment");
                    problems.check(!looksLikeSecretValue(key), name + " sets " + key
                            + ": a secret's value must not be in a Lambda environment; pass its ARN (…_SECRET_ID)");
                }
            }
        }
        problems.assertNone();
    }

    @Test
    void samTemplateSetsEveryVariableTheCodeReads() throws Exception {
        Problems problems = new Problems("template.yaml environment vs. variables the code reads");
        JsonNode template = SamTemplate.read();
        for (var function : SamTemplate.functions(template).entrySet()) {
            Repo.Deployable d = Repo.byHandler(SamTemplate.property(template, function.getValue(), "Handler").asText(""));
            if (d == null) {
                continue; // reported by LambdaHandlersTest
            }
            Map<String, JsonNode> env = new LinkedHashMap<>();
            SamTemplate.property(template, template.path("Globals").path("Function"), "Environment").path("Variables")
                    .fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue()));
            function.getValue().path("Environment").path("Variables").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue()));
            String name = "template.yaml " + function.getKey();
            Map<String, String> reads = reads(d, problems);
            for (var read : reads.entrySet()) {
                problems.check(env.containsKey(read.getKey()), name + " does not set " + read.getKey()
                        + " (read by " + read.getValue() + ")");
            }
            for (String key : env.keySet()) {
                problems.check(reads.containsKey(key) || Repo.LOCAL_ONLY_VARIABLES.contains(key)
                        || key.startsWith(READ_BY_AWS_SDK) || key.equals(READ_BY_THE_JVM), name + " sets " + key
                        + ", which no code of " + d.module() + " reads: a dead setting (remove it, or read it)");
            }
            for (String key : Repo.LOCAL_ONLY_VARIABLES) {
                JsonNode value = env.get(key);
                if (value != null) {
                    JsonNode parameter = template.path("Parameters").path(value.asText());
                    problems.check(!parameter.isMissingNode() && parameter.path("NoEcho").asBoolean(false),
                            name + " must take " + key + " from a NoEcho parameter, not a literal");
                    problems.check(parameter.path("Default").asText("").isEmpty(),
                            name + ": the parameter behind " + key + " must not have a non-empty default");
                }
            }
        }
        problems.assertNone();
    }

    /** Values template.yaml writes as literals (not parameters) are what Terraform sets with its defaults. */
    @Test
    void terraformAndSamAgreeOnFixedValues() throws Exception {
        Problems problems = new Problems("Terraform (terraform.tfvars.example) and template.yaml environment values");
        JsonNode template = SamTemplate.read();
        Map<String, JsonNode> sam = new LinkedHashMap<>();
        SamTemplate.functions(template).values().forEach(f -> sam.put(f.path("Handler").asText(""),
                f.path("Environment").path("Variables")));
        for (TerraformState.Resource function : TerraformSuite.get().exampleState().ofType("aws_lambda_function")) {
            String handler = function.text("handler");
            JsonNode samEnv = sam.get(handler);
            if (Repo.byHandler(handler) == null || samEnv == null) {
                continue;
            }
            for (var entry : terraformEnvironment(function).entrySet()) {
                JsonNode samValue = samEnv.path(entry.getKey());
                if (samValue.isValueNode() && !samValue.asText().isEmpty()
                        && !template.path("Parameters").has(samValue.asText())) {
                    problems.check(entry.getValue().equals(samValue.asText()), handler + " " + entry.getKey()
                            + ": Terraform sets \"" + entry.getValue() + "\", template.yaml \"" + samValue.asText() + "\"");
                }
            }
        }
        problems.assertNone();
    }

    private static Map<String, String> terraformEnvironment(TerraformState.Resource function) {
        Map<String, String> env = new LinkedHashMap<>();
        function.block("environment").path("variables").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static Map<String, String> reads(Repo.Deployable d, Problems problems) {
        Map<String, String> reads = EnvironmentReads.of(d.module());
        if (reads.isEmpty()) {
            problems.add(d.module() + ": found no environment variable reads in its sources (is "
                    + d.handlerClass() + " written? or does the code read its configuration in a way "
                    + "EnvironmentReads does not recognize?)");
        }
        return reads;
    }

    private static boolean looksLikeSecretValue(String key) {
        Set<String> words = new TreeSet<>(java.util.List.of(key.split("_")));
        return (words.contains("PASSWORD") || words.contains("SECRET") || words.contains("TOKEN"))
                && !key.endsWith("_SECRET_ID") && !key.endsWith("_SECRET_ARN");
    }
}
