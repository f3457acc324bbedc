package com.scalemodels.recs.local.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * template.yaml, read the way {@code sam local invoke --parameter-overrides} reads it: a function's handler, code,
 * layers, memory, timeout and environment, where a variable set to {@code !Ref Parameter} takes the override or the
 * parameter's default. Jackson YAML passes CloudFormation's short-form tags through as their scalar text, so a
 * value that names a parameter is that parameter's reference.
 */
final class SamTemplate {

    private final Path repo;
    private final JsonNode template;

    private SamTemplate(Path repo, JsonNode template) {
        this.repo = repo;
        this.template = template;
    }

    static SamTemplate read(Path repo) {
        Path file = repo.resolve("template.yaml");
        try {
            return new SamTemplate(repo, new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The function as SAM would run it, or empty when the template has no such function. */
    Optional<FunctionDefinition> function(String logicalId, Map<String, String> parameterOverrides) {
        JsonNode resource = template.path("Resources").path(logicalId);
        if (!"AWS::Serverless::Function".equals(resource.path("Type").asText())) {
            return Optional.empty();
        }
        JsonNode properties = resource.path("Properties");
        Map<String, String> environment = new LinkedHashMap<>();
        properties.path("Environment").path("Variables").properties().forEach(
                e -> environment.put(e.getKey(), resolve(e.getValue().asText(), parameterOverrides)));
        List<Path> layers = new ArrayList<>();
        for (JsonNode layer : property(properties, "Layers")) {
            layers.add(repo.resolve(template.path("Resources").path(layer.asText()).path("Properties")
                    .path("ContentUri").asText()));
        }
        return Optional.of(new FunctionDefinition(logicalId, property(properties, "Handler").asText(),
                repo.resolve(property(properties, "CodeUri").asText()), layers,
                property(properties, "MemorySize").asInt(128), property(properties, "Timeout").asInt(3),
                environment));
    }

    private String resolve(String value, Map<String, String> overrides) {
        JsonNode parameter = template.path("Parameters").path(value);
        if (parameter.isMissingNode()) {
            return value;
        }
        return overrides.getOrDefault(value, parameter.path("Default").asText(""));
    }

    /** A function's own property, else Globals.Function's, as SAM merges them. */
    private JsonNode property(JsonNode properties, String name) {
        JsonNode own = properties.path(name);
        return own.isMissingNode() ? template.path("Globals").path("Function").path(name) : own;
    }
}
