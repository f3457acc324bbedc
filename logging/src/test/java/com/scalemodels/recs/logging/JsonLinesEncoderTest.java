package com.scalemodels.recs.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class JsonLinesEncoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private LoggerContext context;
    private Logger log;

    @BeforeEach
    void logToMemory() {
        context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter()); // the adapter slf4j's MDC writes to
        JsonLinesEncoder encoder = new JsonLinesEncoder();
        encoder.setContext(context);
        encoder.setService("transformation");
        encoder.start();
        OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        log = context.getLogger("com.example.Batch");
        log.addAppender(appender);
    }

    @AfterEach
    void clearContext() {
        MDC.clear();
        context.stop();
    }

    @Test
    void writesTheStandardKeysFirstThenTypedEventFields() throws Exception {
        log.atInfo().addKeyValue("event", "batch_done").addKeyValue("records_in", 5).addKeyValue("ratio", 0.5)
                .addKeyValue("ok", true).addKeyValue("reason", "a \"quoted\"\nline").log("batch processed");

        JsonNode line = only();
        assertThat(names(line)).containsExactly("timestamp", "level", "message", "logger", "service", "event",
                "records_in", "ratio", "ok", "reason");
        assertThat(line.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("message").asText()).isEqualTo("batch processed");
        assertThat(line.get("logger").asText()).isEqualTo("com.example.Batch");
        assertThat(line.get("service").asText()).isEqualTo("transformation");
        assertThat(line.get("records_in").isIntegralNumber()).isTrue();
        assertThat(line.get("ratio").isDouble()).isTrue();
        assertThat(line.get("ok").isBoolean()).isTrue();
        assertThat(line.get("reason").asText()).isEqualTo("a \"quoted\"\nline");
    }

    @Test
    void invocationKeysAreTypedAndTheFirstInvocationIsTheColdStart() throws Exception {
        LambdaLogging logging = new LambdaLogging();
        try (LogContext ignored = logging.invocation(context("recs-transformation", "7", "req-1"), "inv-1")) {
            log.info("first");
        }
        log.info("between");
        try (LogContext ignored = logging.invocation(context("recs-transformation", "7", "req-2"), "inv-2")) {
            log.info("second");
        }

        List<JsonNode> lines = lines();
        assertThat(names(lines.get(0))).containsExactly("timestamp", "level", "message", "logger", "service",
                "function_name", "function_version", "function_request_id", "cold_start", "correlation_id");
        assertThat(lines.get(0).get("cold_start").isBoolean()).isTrue();
        assertThat(lines.get(0).get("cold_start").booleanValue()).isTrue();
        assertThat(lines.get(0).get("function_request_id").asText()).isEqualTo("req-1");
        assertThat(lines.get(0).get("correlation_id").asText()).isEqualTo("inv-1");
        assertThat(names(lines.get(1))).containsExactly("timestamp", "level", "message", "logger", "service");
        assertThat(lines.get(2).get("cold_start").booleanValue()).isFalse();
        assertThat(lines.get(2).get("function_request_id").asText()).isEqualTo("req-2");
        assertThat(lines.get(2).get("correlation_id").asText()).isEqualTo("inv-2");
    }

    @Test
    void aNestedCorrelationScopePutsBackTheOuterOne() throws Exception {
        try (LogContext run = LogContext.correlation("run-1")) {
            try (LogContext batch = LogContext.correlation("batch-7")) {
                log.info("inner");
            }
            log.info("outer");
        }
        log.info("none");

        List<JsonNode> lines = lines();
        assertThat(lines.get(0).get("correlation_id").asText()).isEqualTo("batch-7");
        assertThat(lines.get(1).get("correlation_id").asText()).isEqualTo("run-1");
        assertThat(lines.get(2).has("correlation_id")).isFalse();
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void anEventFieldCannotReplaceAStandardKeyButReplacesAContextOne() throws Exception {
        try (LogContext ignored = LogContext.correlation("from-context")) {
            log.atWarn().addKeyValue("message", "spoofed").addKeyValue("service", "other")
                    .addKeyValue("correlation_id", "explicit").log("real message");
        }

        JsonNode line = only();
        assertThat(line.get("message").asText()).isEqualTo("real message");
        assertThat(line.get("service").asText()).isEqualTo("transformation");
        assertThat(line.get("correlation_id").asText()).isEqualTo("explicit");
        assertThat(out.toString(StandardCharsets.UTF_8)).containsOnlyOnce("\"message\"");
    }

    @Test
    void nonFiniteNumbersAreNullAndCollectionsStayStructured() throws Exception {
        log.atInfo().addKeyValue("nan", Double.NaN).addKeyValue("by_column", Map.of("city", 2L))
                .addKeyValue("problems", List.of("a: required", "b: required")).log("figures");

        JsonNode line = only();
        assertThat(line.get("nan").isNull()).isTrue();
        assertThat(line.get("by_column").get("city").asLong()).isEqualTo(2L);
        assertThat(line.get("problems")).hasSize(2);
    }

    @Test
    void aThrowableIsOneErrorObject() throws Exception {
        log.atError().addKeyValue("event", "init_failed").setCause(new IllegalStateException("bucket: missing"))
                .log("init failed");

        JsonNode error = only().get("error");
        assertThat(error.get("name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("message").asText()).isEqualTo("bucket: missing");
        assertThat(error.get("stack").asText()).contains("JsonLinesEncoderTest");
    }

    @Test
    void withoutAServiceTheLinesSayUnknownAndTheStatusSaysWhy() {
        LoggerContext other = new LoggerContext();
        other.setMDCAdapter(MDC.getMDCAdapter());
        JsonLinesEncoder encoder = new JsonLinesEncoder();
        encoder.setContext(other);
        encoder.start();

        assertThat(new String(encoder.encode(new ch.qos.logback.classic.spi.LoggingEvent("x",
                other.getLogger("x"), ch.qos.logback.classic.Level.INFO, "m", null, null)), StandardCharsets.UTF_8))
                .contains("\"service\":\"unknown\"");
        assertThat(other.getStatusManager().getCopyOfStatusList())
                .anyMatch(s -> s.getMessage().contains("<service> is required"));
    }

    private JsonNode only() throws Exception {
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    static List<String> names(JsonNode line) {
        List<String> names = new ArrayList<>();
        line.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Context context(String name, String version, String requestId) {
        return new Context() {
            public String getAwsRequestId() {
                return requestId;
            }

            public String getLogGroupName() {
                return null;
            }

            public String getLogStreamName() {
                return null;
            }

            public String getFunctionName() {
                return name;
            }

            public String getFunctionVersion() {
                return version;
            }

            public String getInvokedFunctionArn() {
                return null;
            }

            public CognitoIdentity getIdentity() {
                return null;
            }

            public ClientContext getClientContext() {
                return null;
            }

            public int getRemainingTimeInMillis() {
                return 0;
            }

            public int getMemoryLimitInMB() {
                return 0;
            }

            public LambdaLogger getLogger() {
                return null;
            }
        };
    }
}
