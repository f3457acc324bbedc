package com.scalemodels.recs.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Settings that must agree between Terraform, template.yaml and the code: Terraform's side is read from the
 * applied root module with terraform.tfvars.example (so every setting there is the variable's default).
 */
class DeploymentSettingsTest {

    /**
     * Arguments Glue itself interprets (Glue 5.0); every other default argument is one the job must parse. Glue 4.0's
     * continuous-logging arguments are deliberately absent: Glue 5.0 ignores them, so Terraform must not pass them.
     */
    private static final Set<String> GLUE_ARGUMENTS = Set.of("--job-language", "--class", "--extra-jars", "--TempDir",
            "--enable-metrics", "--custom-logGroup-prefix", "--custom-logStream-prefix", "--job-bookmark-option",
            "--enable-spark-ui", "--spark-event-logs-path", "--enable-glue-datacatalog", "--user-jars-first", "--conf",
            "--enable-observability-metrics", "--enable-job-insights", "--enable-auto-scaling");

    @Test
    void samMatchesTerraformMemoryTimeoutAndStorage() throws Exception {
        TerraformState terraform = TerraformSuite.get().exampleState();
        Problems problems = new Problems("template.yaml vs. Terraform function settings (Terraform defaults)");
        JsonNode template = SamTemplate.read();
        for (TerraformState.Resource function : terraform.ofType("aws_lambda_function")) {
            String handler = function.text("handler");
            JsonNode sam = SamTemplate.functions(template).values().stream()
                    .filter(f -> handler != null && handler.equals(SamTemplate.property(template, f, "Handler").asText()))
                    .findFirst().orElse(null);
            if (sam == null) {
                problems.add("template.yaml has no function with handler " + handler + " (" + function.address() + ")");
                continue;
            }
            compare(problems, handler, "memory", function.text("memory_size"),
                    SamTemplate.property(template, sam, "MemorySize").asText(null));
            compare(problems, handler, "timeout", function.text("timeout"),
                    SamTemplate.property(template, sam, "Timeout").asText(null));
            JsonNode storage = function.block("ephemeral_storage").path("size");
            JsonNode samStorage = SamTemplate.property(template, sam, "EphemeralStorage").path("Size");
            compare(problems, handler, "ephemeral storage", storage.isMissingNode() ? "512" : storage.asText(),
                    samStorage.isMissingNode() ? "512" : samStorage.asText());
        }
        problems.assertNone();
    }

    @Test
    void glueJobArgumentsAreOnesTheJobParses() throws Exception {
        TerraformState terraform = TerraformSuite.get().exampleState();
        Problems problems = new Problems("Glue job arguments");
        String sources = sources(Repo.ROOT.resolve(Repo.GLUE_MODULE).resolve("src/main/java"));
        for (TerraformState.Resource job : terraform.ofType("aws_glue_job")) {
            job.values().path("default_arguments").fieldNames().forEachRemaining(argument -> {
                if (!GLUE_ARGUMENTS.contains(argument)) {
                    String name = argument.substring(2);
                    problems.check(sources.contains("\"" + name + "\"") || sources.contains("\"" + argument + "\""),
                            job.address() + " passes " + argument + ", which neither Glue 5.0 nor any glue-job source"
                                    + " reads (\"" + name + "\")");
                }
            });
        }
        problems.assertNone();
    }

    private static String sources(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }

    private static void compare(Problems problems, String handler, String what, String terraform, String sam) {
        problems.check(terraform != null && terraform.equals(sam), handler + ": " + what + " is " + terraform
                + " in Terraform, " + sam + " in template.yaml");
    }
}
