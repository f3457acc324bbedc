package com.scalemodels.recs.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@code terraform test} run block left after its mocked apply, in Terraform's own JSON state format
 * ({@code terraform show -json}): every resource of every module with its values, and the outputs.
 *
 * @param name {@code <test file>/<run block>}, for messages
 */
record TerraformState(String name, List<Resource> resources, Map<String, Output> outputs) {

    /** A resource instance: {@code module.m.aws_x.name["key"]}, its module path ({@code module.m}, or "" at the root). */
    record Resource(String address, String module, String type, JsonNode values, JsonNode sensitiveValues) {

        String text(String attribute) {
            JsonNode v = values.path(attribute);
            return v.isValueNode() && !v.isNull() ? v.asText() : null;
        }

        /** The first element of a nested block list ({@code vpc_config[0]}), or a missing node. */
        JsonNode block(String name) {
            return values.path(name).path(0);
        }
    }

    record Output(boolean sensitive, JsonNode value) {
    }

    /** Reads the {@code test_state} object of a {@code terraform test -json -verbose} line. */
    static TerraformState of(String name, JsonNode state) {
        List<Resource> resources = new ArrayList<>();
        collect(state.path("root_module"), resources);
        Map<String, Output> outputs = new LinkedHashMap<>();
        state.path("outputs").fields().forEachRemaining(e -> outputs.put(e.getKey(),
                new Output(e.getValue().path("sensitive").asBoolean(false), e.getValue().path("value"))));
        return new TerraformState(name, List.copyOf(resources), outputs);
    }

    private static void collect(JsonNode module, List<Resource> into) {
        String path = module.path("address").asText("");
        for (JsonNode r : module.path("resources")) {
            if ("managed".equals(r.path("mode").asText())) {
                into.add(new Resource(r.path("address").asText(), path, r.path("type").asText(), r.path("values"),
                        r.path("sensitive_values")));
            }
        }
        for (JsonNode child : module.path("child_modules")) {
            collect(child, into);
        }
    }

    List<Resource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    Optional<Resource> at(String address) {
        return resources.stream().filter(r -> r.address().equals(address)).findFirst();
    }

    /** A state of the whole configuration (not of one module tested on its own). */
    boolean isRootModule() {
        return resources.stream().anyMatch(r -> r.module().startsWith("module.streaming_inference"));
    }
}
