package com.scalemodels.recs.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables a deployable reads, found in its source so the list cannot drift from the code:
 * <ul>
 * <li>{@code env.required("X")}, {@code env.integer("X", …)} … on {@code config.Environment}, and
 * {@code System.getenv("X")}, in the module's own main sources;</li>
 * <li>the same inside every {@code SomethingConfig} whose {@code fromEnvironment} the module (or a config it uses)
 * calls, wherever that config lives (a library module such as vectordb);</li>
 * <li>{@code ${X}} / {@code ${X:-default}} substitutions in the module's and the library modules' main resources
 * (logback configuration).</li>
 * </ul>
 * Variables the Lambda runtime sets itself ({@code AWS_REGION}, {@code AWS_LAMBDA_*}, …) are left out.
 */
final class EnvironmentReads {

    private static final Pattern ENVIRONMENT_CALL = Pattern.compile(
            "\\.(?:required|optional|isSet|integer|decimal|millis|bool|path|artifactsUri)\\(\\s*\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern GETENV = Pattern.compile("System\\.getenv\\(\\s*\"([A-Z][A-Z0-9_]*)\"\\s*\\)");
    private static final Pattern CONFIG_USE = Pattern.compile("\\b([A-Z][A-Za-z0-9]*Config)\\.fromEnvironment\\(");
    private static final Pattern RESOURCE_SUBSTITUTION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::-[^}]*)?}");

    private static final List<String> LIBRARY_MODULES = List.of("json", "config", "contract", "features", "artifacts",
            "vectordb");

    /** Set by the Lambda runtime itself (reserved: a function cannot set them), so not a deployment's job. */
    private static final Pattern RUNTIME_PROVIDED = Pattern.compile("^(AWS_.*|LAMBDA_.*|_.*|TZ)$");

    private EnvironmentReads() {
    }

    /** Variable → the source file that reads it, for messages. */
    static Map<String, String> of(String module) {
        Map<String, String> reads = new HashMap<>();
        Map<String, Path> configSources = configSources();
        Deque<Path> pending = new ArrayDeque<>(javaSources(Repo.ROOT.resolve(module)));
        Set<Path> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Path source = pending.pop();
            if (!seen.add(source)) {
                continue;
            }
            String text = read(source);
            String name = Repo.ROOT.relativize(source).toString();
            for (Pattern p : List.of(ENVIRONMENT_CALL, GETENV)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    if (!RUNTIME_PROVIDED.matcher(m.group(1)).matches()) {
                        reads.putIfAbsent(m.group(1), name);
                    }
                }
            }
            Matcher config = CONFIG_USE.matcher(text);
            while (config.find()) {
                Path configSource = configSources.get(config.group(1));
                if (configSource != null) {
                    pending.push(configSource);
                }
            }
        }
        for (String m : Stream.concat(Stream.of(module), LIBRARY_MODULES.stream()).toList()) {
            for (Path resource : files(Repo.ROOT.resolve(m).resolve("src/main/resources"), ".xml", ".properties")) {
                Matcher s = RESOURCE_SUBSTITUTION.matcher(read(resource));
                while (s.find()) {
                    if (!RUNTIME_PROVIDED.matcher(s.group(1)).matches()) {
                        reads.putIfAbsent(s.group(1), Repo.ROOT.relativize(resource).toString());
                    }
                }
            }
        }
        return reads;
    }

    static Set<String> names(String module) {
        return new TreeSet<>(of(module).keySet());
    }

    private static Map<String, Path> configSources() {
        Map<String, Path> sources = new HashMap<>();
        for (Path p : Stream.concat(LIBRARY_MODULES.stream(), Repo.LAMBDAS.stream().map(Repo.Deployable::module))
                .flatMap(m -> javaSources(Repo.ROOT.resolve(m)).stream()).toList()) {
            String file = p.getFileName().toString();
            if (file.endsWith("Config.java")) {
                sources.putIfAbsent(file.substring(0, file.length() - ".java".length()), p);
            }
        }
        return sources;
    }

    private static List<Path> javaSources(Path module) {
        return files(module.resolve("src/main/java"), ".java");
    }

    private static List<Path> files(Path dir, String... suffixes) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> Stream.of(suffixes).anyMatch(s -> f.getFileName().toString().endsWith(s)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
