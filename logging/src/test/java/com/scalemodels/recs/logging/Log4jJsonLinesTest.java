package com.scalemodels.recs.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;

/** The Glue job's log4j2 lines follow the same schema as the Lambdas' logback lines. */
class Log4jJsonLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesTheSchemaWithTheRunIdAsCorrelationIdAndTypedFields() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Log4jJsonLines.install("com.example.etl.events", "glue-job", "jr_42", out);
        Logger log = LogManager.getLogger("com.example.etl.events");

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("rows_written", 80L);
        fields.put("seconds", 1.5);
        fields.put("null_by_column", Map.of("city", 2L));
        log.info(new EventMessage("phase_done", "phase done", fields));
        log.debug(new EventMessage("below_info", "not written", Map.of()));

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines[0]);
        assertThat(JsonLinesEncoderTest.names(line)).containsExactly("timestamp", "level", "message", "logger",
                "service", "correlation_id", "event", "rows_written", "seconds", "null_by_column");
        assertThat(line.get("service").asText()).isEqualTo("glue-job");
        assertThat(line.get("correlation_id").asText()).isEqualTo("jr_42");
        assertThat(line.get("event").asText()).isEqualTo("phase_done");
        assertThat(line.get("message").asText()).isEqualTo("phase done");
        assertThat(line.get("rows_written").isIntegralNumber()).isTrue();
        assertThat(line.get("seconds").isDouble()).isTrue();
        assertThat(line.get("null_by_column").get("city").asLong()).isEqualTo(2L);
    }

    @Test
    void theSameEventComesOutWithTheSameKeysAndTypesFromBothBackends() throws Exception {
        ByteArrayOutputStream fromLog4j = new ByteArrayOutputStream();
        Log4jJsonLines.install("com.example.same", "svc", "corr-1", fromLog4j);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("records_in", 3);
        fields.put("duration_ms", 12L);
        LogManager.getLogger("com.example.same").warn(new EventMessage("batch_done", "batch done", fields));

        ByteArrayOutputStream fromLogback = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
        context.setMDCAdapter(MDC.getMDCAdapter()); // the adapter slf4j's MDC writes to
        JsonLinesEncoder encoder = new JsonLinesEncoder();
        encoder.setContext(context);
        encoder.setService("svc");
        encoder.start();
        OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(fromLogback);
        appender.start();
        ch.qos.logback.classic.Logger logback = context.getLogger("com.example.same");
        logback.addAppender(appender);
        try (LogContext ignored = LogContext.correlation("corr-1")) {
            logback.atWarn().addKeyValue("event", "batch_done").addKeyValue("records_in", 3)
                    .addKeyValue("duration_ms", 12L).log("batch done");
        }

        JsonNode a = JSON.readTree(fromLog4j.toString(StandardCharsets.UTF_8));
        JsonNode b = JSON.readTree(fromLogback.toString(StandardCharsets.UTF_8));
        assertThat(JsonLinesEncoderTest.names(a)).isEqualTo(JsonLinesEncoderTest.names(b));
        for (String key : JsonLinesEncoderTest.names(a)) {
            assertThat(a.get(key).getNodeType()).as(key).isEqualTo(b.get(key).getNodeType());
            if (!key.equals("timestamp")) {
                assertThat(a.get(key)).as(key).isEqualTo(b.get(key));
            }
        }
        context.stop();
    }
}
