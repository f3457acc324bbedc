package com.scalemodels.recs.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * template.yaml read with Jackson YAML. CloudFormation short-form tags ({@code !Ref X}, {@code !GetAtt A.B}) come
 * through as their scalar text, which is all these checks need.
 */
final class SamTemplate {

    private SamTemplate() {
    }

    static JsonNode read() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Repo.SAM_TEMPLATE.toFile());
    }

    static Map<String, JsonNode> functions(JsonNode template) {
        Map<String, JsonNode> functions = new LinkedHashMap<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if ("AWS::Serverless::Function".equals(e.getValue().path("Type").asText())) {
                functions.put(e.getKey(), e.getValue().path("Properties"));
            }
        });
        return functions;
    }

    /** A function property, falling back to Globals.Function as SAM does. */
    static JsonNode property(JsonNode template, JsonNode function, String name) {
        JsonNode own = function.path(name);
        return own.isMissingNode() ? template.path("Globals").path("Function").path(name) : own;
    }
}
