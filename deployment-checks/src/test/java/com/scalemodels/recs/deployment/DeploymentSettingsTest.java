package com.scalemodels.recs.deployment;

import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Settings that must agree between Terraform and template.yaml, and the security rules of issue 9. */
class DeploymentSettingsTest {

    /** Arguments Glue itself interprets; every other default argument is one the job must parse. */
    private static final Set<String> GLUE_ARGUMENTS = Set.of("--job-language", "--class", "--extra-jars", "--TempDir",
            "--enable-metrics", "--enable-continuous-cloudwatch-log", "--continuous-log-logGroup",
            "--enable-continuous-log-filter", "--job-bookmark-option", "--enable-spark-ui", "--spark-event-logs-path",
            "--enable-glue-datacatalog", "--user-jars-first", "--conf", "--enable-observability-metrics",
            "--enable-job-insights", "--enable-auto-scaling");

    @Test
    void samMatchesTerraformMemoryTimeoutAndStorage() throws Exception {
        Problems problems = new Problems("template.yaml vs. Terraform function settings (Terraform defaults)");
        JsonNode template = SamTemplate.read();
        for (var entry : TerraformModulesTest.modules().entrySet()) {
            Hcl.ModuleDir module = entry.getValue();
            module.resources("aws_lambda_function").forEach(function -> {
                Repo.Deployable d = function.literal("handler").map(Repo::byHandler).orElse(null);
                if (d == null) {
                    return;
                }
                JsonNode sam = SamTemplate.functions(template).values().stream()
                        .filter(f -> d.handler().equals(f.path("Handler").asText())).findFirst().orElse(null);
                if (sam == null) {
                    problems.add("template.yaml has no function with handler " + d.handler());
                    return;
                }
                compare(problems, d, "memory", resolve(module, function.attributes().get("memory_size")),
                        SamTemplate.property(template, sam, "MemorySize").asText(null));
                compare(problems, d, "timeout", resolve(module, function.attributes().get("timeout")),
                        SamTemplate.property(template, sam, "Timeout").asText(null));
                Optional<String> storage = function.block("ephemeral_storage")
                        .flatMap(s -> resolve(module, s.attributes().get("size")));
                JsonNode samStorage = SamTemplate.property(template, sam, "EphemeralStorage").path("Size");
                compare(problems, d, "ephemeral storage", Optional.of(storage.orElse("512")),
                        samStorage.isMissingNode() ? "512" : samStorage.asText());
            });
        }
        problems.assertNone();
    }

    @Test
    void securityRules() throws Exception {
        Problems problems = new Problems("Terraform security rules");
        Path secureBucket = Repo.TERRAFORM.resolve("modules/secure_bucket").toAbsolutePath().normalize();
        for (var entry : TerraformModulesTest.modules().entrySet()) {
            Hcl.ModuleDir module = entry.getValue();
            if (!entry.getKey().equals(secureBucket)) {
                module.resources("aws_s3_bucket").forEach(b -> problems.add(b.where() + " creates a bucket directly;"
                        + " use modules/secure_bucket (encryption, public access block, TLS-only policy)"));
            }
            module.resources("random_password").forEach(b -> problems.add(b.where()
                    + " generates a password into state; RDS manages the master password (manage_master_user_password)"));
            module.resources("aws_db_instance").forEach(db -> {
                problems.check("true".equals(db.literal("manage_master_user_password").orElse(null)),
                        db.where() + " must set manage_master_user_password = true");
                problems.check(!db.attributes().containsKey("password"), db.where() + " must not set a password");
                problems.check("true".equals(db.literal("storage_encrypted").orElse(null)),
                        db.where() + " must set storage_encrypted = true");
                problems.check("false".equals(db.literal("publicly_accessible").orElse(null)),
                        db.where() + " must set publicly_accessible = false");
            });
            module.resources("aws_lambda_function_url").forEach(u -> problems.check(
                    "AWS_IAM".equals(u.literal("authorization_type").orElse(null)),
                    u.where() + " must use authorization_type = \"AWS_IAM\""));
            module.blocks("output").forEach(o -> {
                // Function results and anything named like a credential may carry data nobody should print.
                boolean secretish = Pattern.compile("(?i)password|token|result").matcher(o.label(0)).find();
                problems.check(!secretish || "true".equals(o.literal("sensitive").orElse(null)),
                        o.where() + " output \"" + o.label(0) + "\" must be sensitive = true");
            });
        }
        problems.assertNone();
    }

    @Test
    void glueJobArgumentsAreOnesTheJobParses() throws Exception {
        Problems problems = new Problems("Glue job arguments");
        String sources = sources(Repo.ROOT.resolve(Repo.GLUE_MODULE).resolve("src/main/java"));
        for (Hcl.Block job : TerraformModulesTest.allResources("aws_glue_job")) {
            for (String argument : job.objectAttribute("default_arguments").keySet()) {
                if (!GLUE_ARGUMENTS.contains(argument)) {
                    String name = argument.substring(2);
                    problems.check(sources.contains("\"" + name + "\"") || sources.contains("\"" + argument + "\""),
                            job.where() + " passes " + argument + ", which no glue-job source names (\"" + name + "\")");
                }
            }
        }
        problems.assertNone();
    }

    private static String sources(Path dir) throws Exception {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (var files = java.nio.file.Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(java.nio.file.Files.readString(f));
            }
        }
        return all.toString();
    }

    /** A literal, or the default of the {@code var.x} the attribute names, in the same module. */
    private static Optional<String> resolve(Hcl.ModuleDir module, HCLAttribute attribute) {
        if (attribute == null) {
            return Optional.empty();
        }
        Optional<String> literal = Hcl.literal(attribute);
        if (literal.isPresent()) {
            return literal;
        }
        List<Hcl.Reference> refs = module.references().stream()
                .filter(r -> r.root().equals("var") && r.line() == (attribute.getLine() == null ? -1 : attribute.getLine() + 1))
                .toList();
        if (refs.size() != 1) {
            return Optional.empty();
        }
        Hcl.Block variable = module.variables().get(refs.get(0).part(1));
        return variable == null ? Optional.empty() : variable.literal("default");
    }

    private static void compare(Problems problems, Repo.Deployable d, String what, Optional<String> terraform, String sam) {
        if (terraform.isEmpty()) {
            problems.add(d.module() + ": Terraform " + what + " is neither a literal nor a var with a default");
        } else {
            problems.check(terraform.get().equals(sam), d.module() + ": " + what + " is " + terraform.get()
                    + " in Terraform, " + sam + " in template.yaml");
        }
    }

}
