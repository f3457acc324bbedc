package com.scalemodels.recs.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalemodels.recs.testing.LogCapture;
import com.scalemodels.recs.testing.LogSchemaCheck;
import com.scalemodels.recs.testing.TestLambdaContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The shared logback configuration and the context keys, through a deployable-style logback.xml. */
class JsonLinesTest {

    private static final Logger LOG = LoggerFactory.getLogger("com.example.Batch");

    private final TestLambdaContext context = new TestLambdaContext("recs-transformation", "7", "req-1");

    @Test
    void everyLineHasTheSchemaAndEventFieldsStayTyped() throws Exception {
        LambdaLogging logging = new LambdaLogging();
        List<JsonNode> lines = LogSchemaCheck.parse(LogCapture.run("logback-schema.xml", () -> {
            try (LogContext invocation = logging.invocation(context, "inv-1")) {
                LOG.atInfo().addKeyValue("event", "batch_done").addKeyValue("records_in", 5)
                        .addKeyValue("duration_ms", 12L).addKeyValue("ratio", 0.5).log("batch processed");
            }
        }).stdout());

        LogSchemaCheck.assertSchema(lines, "transformation");
        JsonNode line = LogSchemaCheck.event(lines, "batch_done").get(0);
        LogSchemaCheck.assertInvocation(line, context, true);
        assertThat(line.path("correlation_id").asText()).isEqualTo("inv-1");
        assertThat(line.path("message").asText()).isEqualTo("batch processed");
        assertThat(line.path("logger").asText()).isEqualTo("com.example.Batch");
        assertThat(line.path("records_in").isInt()).as("records_in typed: %s", line).isTrue();
        assertThat(line.path("records_in").asInt()).isEqualTo(5);
        assertThat(line.path("duration_ms").isIntegralNumber()).isTrue();
        assertThat(line.path("ratio").isDouble()).isTrue();
    }

    @Test
    void onlyTheFirstInvocationOfAnEnvironmentIsTheColdStart() throws Exception {
        LambdaLogging logging = new LambdaLogging();
        List<JsonNode> lines = LogSchemaCheck.parse(LogCapture.run("logback-schema.xml", () -> {
            for (String id : List.of("req-1", "req-2")) {
                try (LogContext invocation = logging.invocation(new TestLambdaContext("f", "1", id), null)) {
                    LOG.info("handled");
                }
            }
        }).stdout());

        assertThat(lines).extracting(l -> l.path("cold_start").isBoolean()).containsExactly(true, true);
        assertThat(lines).extracting(l -> l.path("cold_start").booleanValue()).containsExactly(true, false);
        assertThat(lines).extracting(l -> l.path("function_request_id").asText()).containsExactly("req-1", "req-2");
        assertThat(lines).allSatisfy(l -> assertThat(l.has("correlation_id")).isFalse());
    }

    @Test
    void aNestedScopeGivesTheOuterKeysBackAndNothingOutlivesTheInvocation() throws Exception {
        List<JsonNode> lines = LogSchemaCheck.parse(LogCapture.run("logback-schema.xml", () -> {
            try (LogContext invocation = new LambdaLogging().invocation(context, "batch-1")) {
                try (LogContext inner = LogContext.correlation("other")) {
                    LOG.info("inner");
                }
                LOG.info("outer");
            }
            LOG.info("after");
        }).stdout());

        LogSchemaCheck.assertSchema(lines, "transformation");
        assertThat(lines).extracting(l -> l.path("correlation_id").asText(null))
                .containsExactly("other", "batch-1", null);
        assertThat(lines.get(2).has("function_request_id")).isFalse();
        assertThat(lines.get(2).has("cold_start")).isFalse();
    }

    @Test
    void anExceptionKeepsTheLineOneJsonObject() throws Exception {
        List<JsonNode> lines = LogSchemaCheck.parse(LogCapture.run("logback-schema.xml",
                () -> LOG.atError().addKeyValue("event", "batch_failed")
                        .setCause(new IllegalStateException("vector DB down\nsecond line")).log("batch failed"))
                .stdout());

        LogSchemaCheck.assertSchema(lines, "transformation");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("level").asText()).isEqualTo("ERROR");
        assertThat(lines.get(0).path("stack_trace").asText()).contains("IllegalStateException: vector DB down");
        assertThat(lines.get(0).has("function_name")).as("no Lambda keys outside an invocation").isFalse();
    }

    @Test
    void theFileAppenderWritesTheSameSchemaAndNoConfigurationProperty() throws Exception {
        Path file = Files.createTempFile("pipeline", ".log");
        System.setProperty("recs.test.log.file", file.toString());
        try {
            LogCapture.run("logback-schema-file.xml", () -> LOG.atInfo().addKeyValue("event", "load_done").log("done"));
        } finally {
            System.clearProperty("recs.test.log.file");
        }

        List<JsonNode> lines = LogSchemaCheck.parse(Files.readString(file));
        LogSchemaCheck.assertSchema(lines, "local-runner");
        LogSchemaCheck.event(lines, "load_done");
    }
}
