package com.scalemodels.recs.deployment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Terraform once per test JVM on a copy of {@code terraform/} under {@code target/}: {@code fmt -check},
 * {@code init -backend=false}, {@code validate} and the mocked {@code terraform test} suite of
 * {@code terraform/tests/} (with {@code -var-file=terraform.tfvars.example}). Nothing is written into
 * {@code terraform/} itself. The tests read the results through {@link #get()}.
 *
 * <p>Without a usable Terraform ({@link TerraformTool}) every test that needs it is skipped, after one line
 * saying so; under {@code CI=true} that is an error instead.
 */
final class TerraformSuite {

    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One {@code run} block's outcome: status pass/fail/error/skip and its error diagnostics. */
    record RunResult(String file, String run, String status, List<String> errors) {
    }

    /** A Terraform command's exit code and what it printed (stdout in a file: test output is large). */
    record Command(List<String> arguments, int exitCode, Path stdout, String stderr, Duration took) {

        String stdoutText() {
            try {
                return Files.readString(stdout);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static TerraformSuite instance;
    private static String skipped;
    private static RuntimeException failed;

    final TerraformTool.Found tool;
    final Path workDir;
    final Command fmt;
    final Command init;
    final Command validate;
    final Command test;
    final List<RunResult> runs;
    final List<String> testErrors;
    final List<TerraformState> states;

    private TerraformSuite(TerraformTool.Found tool, Path workDir, Command fmt, Command init, Command validate,
            Command test, List<RunResult> runs, List<String> testErrors, List<TerraformState> states) {
        this.tool = tool;
        this.workDir = workDir;
        this.fmt = fmt;
        this.init = init;
        this.validate = validate;
        this.test = test;
        this.runs = runs;
        this.testErrors = testErrors;
        this.states = states;
    }

    /** The suite's results, running it on first use; skips the calling test when Terraform is not available. */
    static synchronized TerraformSuite get() {
        if (failed != null) {
            throw failed; // once per test JVM: every later test that needs Terraform fails the same way
        }
        if (instance == null && skipped == null) {
            try {
                TerraformTool.Lookup lookup = TerraformTool.find(System.getenv());
                if (lookup.found().isEmpty()) {
                    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                        throw new IllegalStateException(lookup.required());
                    }
                    skipped = lookup.skipped();
                    System.out.println(skipped);
                } else {
                    instance = run(lookup.found().get());
                }
            } catch (RuntimeException e) {
                failed = e;
                throw e;
            }
        }
        Assumptions.assumeTrue(instance != null, () -> skipped);
        return instance;
    }

    /**
     * States of the whole configuration after apply (both variable sets), not of modules tested alone. Never empty:
     * a rule over no state would pass without checking anything.
     */
    List<TerraformState> rootStates() {
        List<TerraformState> root = states.stream().filter(TerraformState::isRootModule).toList();
        if (root.isEmpty()) {
            throw new IllegalStateException("terraform test left no applied state of the root module"
                    + " (see TerraformTest for why), so there is nothing to check");
        }
        return root;
    }

    /** The root module's state with the values of terraform.tfvars.example, i.e. the variables' defaults. */
    TerraformState exampleState() {
        return rootStates().stream().filter(s -> s.name().startsWith("tests/example.tftest.hcl/")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no state of tests/example.tftest.hcl in the terraform test output"));
    }

    private static TerraformSuite run(TerraformTool.Found tool) {
        Path workDir = Repo.ROOT.resolve("deployment-checks/target/terraform-checks/terraform");
        try {
            copyConfiguration(Repo.TERRAFORM, workDir);
            Map<String, String> env = environment(tool, workDir.getParent());
            Command fmt = terraform(tool, workDir, env, "fmt", "-check", "-recursive", "-list=true", "-no-color");
            List<String> init = new ArrayList<>(List.of("init", "-backend=false", "-input=false", "-no-color"));
            tool.pluginDir().ifPresent(dir -> init.add("-plugin-dir=" + dir));
            Command initResult = terraform(tool, workDir, env, init.toArray(String[]::new));
            if (initResult.exitCode() != 0) {
                return new TerraformSuite(tool, workDir, fmt, initResult, null, null, List.of(), List.of(), List.of());
            }
            Command validate = terraform(tool, workDir, env, "validate", "-no-color");
            Command test = terraform(tool, workDir, env, "test", "-json", "-verbose", "-no-color",
                    "-var-file=terraform.tfvars.example");
            List<RunResult> runs = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            List<TerraformState> states = new ArrayList<>();
            readTestOutput(test.stdout(), runs, errors, states);
            if (test.exitCode() == 0) {
                // About 300 MB of JSON (each state line repeats the provider's schema): kept only to debug a failure.
                Files.delete(test.stdout());
            }
            return new TerraformSuite(tool, workDir, fmt, initResult, validate, test, List.copyOf(runs),
                    List.copyOf(errors), List.copyOf(states));
        } catch (IOException e) {
            throw new UncheckedIOException("running terraform in " + workDir, e);
        }
    }

    /** Everything under terraform/ but local state, caches, lock files and variable files. */
    private static void copyConfiguration(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path relative = from.relativize(source);
                if (excluded(relative)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static boolean excluded(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals(".terraform")) {
                return true;
            }
        }
        String name = relative.getFileName() == null ? "" : relative.getFileName().toString();
        // A user's own terraform.tfvars / *.auto.tfvars would be loaded by terraform test and change its inputs.
        return name.equals(".terraform.lock.hcl") || name.contains(".tfstate") || name.equals("crash.log")
                || (name.endsWith(".tfvars") && !name.equals("terraform.tfvars.example"))
                || name.endsWith(".tfvars.json");
    }

    private static Map<String, String> environment(TerraformTool.Found tool, Path scratch) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("CHECKPOINT_DISABLE", "1"); // no version check call home
        env.put("TF_IN_AUTOMATION", "1");
        env.put("TF_INPUT", "0");
        if (tool.pluginDir().isPresent()) {
            // The mirror is the only provider source: a user's CLI configuration has nothing to add, and a
            // configured but missing file only prints warnings.
            Path empty = scratch.resolve("empty.tfrc");
            Files.writeString(empty, "");
            env.put("TF_CLI_CONFIG_FILE", empty.toString());
        }
        return env;
    }

    private static Command terraform(TerraformTool.Found tool, Path workDir, Map<String, String> env, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(tool.binary().toString());
        command.addAll(List.of(arguments));
        Path stdout = workDir.getParent().resolve(arguments[0] + ".out");
        Path stderr = workDir.getParent().resolve(arguments[0] + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("terraform " + String.join(" ", arguments) + " did not finish in " + TIMEOUT);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new Command(List.of(arguments), process.exitValue(), stdout, Files.readString(stderr),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * {@code terraform test -json -verbose} prints one JSON object per line: each run's outcome, its diagnostics,
     * and (verbose) its plan or state. A state line also carries the provider's whole schema (about 14 MB), which
     * is skipped while parsing.
     */
    private static void readTestOutput(Path output, List<RunResult> runs, List<String> errors, List<TerraformState> states)
            throws IOException {
        Map<String, List<String>> diagnostics = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.charAt(0) != '{') {
                    continue;
                }
                JsonNode message = readWithoutProviderSchemas(line);
                String type = message.path("type").asText();
                String key = message.path("@testfile").asText("") + "/" + message.path("@testrun").asText("");
                switch (type) {
                    case "test_state" -> states.add(TerraformState.of(key, message.path("test_state")));
                    case "diagnostic" -> {
                        JsonNode d = message.path("diagnostic");
                        if ("error".equals(d.path("severity").asText())) {
                            String text = describe(d);
                            diagnostics.computeIfAbsent(key, k -> new ArrayList<>()).add(text);
                            if (!message.has("@testrun")) {
                                errors.add(message.path("@testfile").asText("terraform test") + ": " + text);
                            }
                        }
                    }
                    case "test_run" -> {
                        JsonNode r = message.path("test_run");
                        if ("complete".equals(r.path("progress").asText())) {
                            runs.add(new RunResult(r.path("path").asText(), r.path("run").asText(),
                                    r.path("status").asText(), diagnostics.getOrDefault(key, List.of())));
                        }
                    }
                    case "test_cleanup" -> errors.add(key + ": resources left in state after the tests: "
                            + message.path("test_cleanup").path("failed_resources"));
                    default -> {
                        // version, abstract, file progress, plans, summary: nothing to keep
                    }
                }
            }
        }
    }

    private static String describe(JsonNode diagnostic) {
        StringBuilder text = new StringBuilder(diagnostic.path("summary").asText());
        String detail = diagnostic.path("detail").asText("");
        if (!detail.isBlank()) {
            text.append(": ").append(detail.replaceAll("\\s+", " ").trim());
        }
        JsonNode range = diagnostic.path("range");
        if (!range.isMissingNode()) {
            text.append(" (").append(range.path("filename").asText()).append(':')
                    .append(range.path("start").path("line").asInt()).append(')');
        }
        return text.toString();
    }

    private static JsonNode readWithoutProviderSchemas(String line) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(line)) {
            return readObject(parser, parser.nextToken());
        }
    }

    private static JsonNode readObject(JsonParser parser, JsonToken first) throws IOException {
        if (first != JsonToken.START_OBJECT) {
            return JSON.readTree(parser);
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("provider_schemas")) {
                parser.skipChildren();
            } else if (value == JsonToken.START_OBJECT) {
                node.set(field, readObject(parser, value));
            } else {
                node.set(field, JSON.readTree(parser));
            }
        }
        return node;
    }

    /** How long each step took, for the build log. */
    String timings() {
        StringBuilder s = new StringBuilder("terraform ").append(tool.version()).append(" checks took");
        for (Command c : Stream.of(fmt, init, validate, test).filter(c -> c != null).toList()) {
            s.append(' ').append(c.arguments().get(0)).append(' ')
                    .append(String.format("%.1f s", c.took().toMillis() / 1000.0));
        }
        return s.append(tool.pluginDir().map(d -> " (provider from " + d + ")").orElse(" (provider from the registry)"))
                .toString();
    }
}
