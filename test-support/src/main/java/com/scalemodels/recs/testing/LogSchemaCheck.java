package com.scalemodels.recs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The log schema every deployable writes (root README, "Logs"), checked on captured lines. Written from the schema
 * table, independently of the logging module, so a change there that breaks the contract fails here.
 */
public final class LogSchemaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
    private static final Set<String> STRING_KEYS = Set.of("function_name", "function_version", "function_request_id",
            "correlation_id", "event");

    private LogSchemaCheck() {
    }

    /**
     * Every non-blank line parsed as one JSON object. Embedded Metric Format lines (an {@code _aws} key: metrics,
     * not log events, sharing the Lambda's stdout) are left out.
     */
    public static List<JsonNode> parse(String output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
            assertTrue(node != null && node.isObject(), "not a JSON object: " + line);
            if (!node.has("_aws")) {
                lines.add(node);
            }
        }
        return lines;
    }

    /** Checks the shared keys of every line: presence, types, the service name, snake_case field names. */
    public static void assertSchema(List<JsonNode> lines, String service) {
        assertFalse(lines.isEmpty(), "no log line to check");
        for (JsonNode line : lines) {
            String where = " in " + line;
            assertTrue(line.path("timestamp").isTextual()
                    && TIMESTAMP.matcher(line.path("timestamp").textValue()).matches(), "timestamp" + where);
            assertTrue(LEVELS.contains(line.path("level").asText("")), "level" + where);
            assertTrue(line.path("message").isTextual(), "message" + where);
            assertTrue(line.path("logger").isTextual() && !line.path("logger").textValue().isEmpty(), "logger" + where);
            assertEquals(service, line.path("service").asText(null), "service" + where);
            for (String key : STRING_KEYS) {
                assertTrue(!line.has(key) || line.get(key).isTextual() && !line.get(key).textValue().isEmpty(),
                        key + " must be a non-empty string" + where);
            }
            assertTrue(!line.has("cold_start") || line.get("cold_start").isBoolean(), "cold_start" + where);
            assertTrue(!line.has("event") || SNAKE_CASE.matcher(line.get("event").textValue()).matches(),
                    "event must be snake_case" + where);
            for (Iterator<String> names = line.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                assertTrue(SNAKE_CASE.matcher(name).matches(), "field " + name + " must be snake_case" + where);
            }
            for (String legacy : List.of("@timestamp", "@version", "time", "run_id", "invocation_id", "logger_name",
                    "level_value", "thread_name")) {
                assertFalse(line.has(legacy), "old key " + legacy + where);
            }
        }
    }

    /** The keys a line logged inside a Lambda invocation carries (the test context's values). */
    public static void assertInvocation(JsonNode line, TestLambdaContext context, boolean coldStart) {
        assertEquals(context.functionName(), line.path("function_name").asText(null), "function_name in " + line);
        assertEquals(context.functionVersion(), line.path("function_version").asText(null),
                "function_version in " + line);
        assertEquals(context.awsRequestId(), line.path("function_request_id").asText(null),
                "function_request_id in " + line);
        assertTrue(line.path("cold_start").isBoolean(), "cold_start in " + line);
        assertEquals(coldStart, line.path("cold_start").booleanValue(), "cold_start in " + line);
    }

    /** The lines of one event; fails when there is none. */
    public static List<JsonNode> event(List<JsonNode> lines, String event) {
        List<JsonNode> found = lines.stream().filter(l -> event.equals(l.path("event").asText(null))).toList();
        if (found.isEmpty()) {
            fail("no \"" + event + "\" line among " + lines.size() + ": " + lines);
        }
        return found;
    }
}
