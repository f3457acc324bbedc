package com.scalemodels.recs.local.invoke;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One function of template.yaml, resolved: what a Lambda execution environment is made of.
 *
 * @param code the deployment jar ({@code CodeUri})
 * @param layers the layer zips, whose {@code java/lib} jars join the function's class path
 * @param environment the function's variables, parameters resolved
 */
record FunctionDefinition(String name, String handler, Path code, List<Path> layers, int memoryMb,
        int timeoutSeconds, Map<String, String> environment) {

    FunctionDefinition {
        layers = List.copyOf(layers);
        environment = Map.copyOf(environment);
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    String arn() {
        return "arn:aws:lambda:" + ExecutionEnvironment.REGION + ":" + ExecutionEnvironment.ACCOUNT + ":function:"
                + name;
    }
}
