package com.scalemodels.recs.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalemodels.recs.testing.LogSchemaCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The job's events through the installed JSON template layout, as Glue's stderr receives them. */
class EventLogTest {

    private static List<JsonNode> captured(Runnable body) {
        PrintStream original = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(original);
        }
        return LogSchemaCheck.parse(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesTheLogSchemaWithTheRunIdAndTypedFields() {
        List<JsonNode> lines = captured(() -> {
            EventLog log = EventLog.install("jr_1");
            log.event("quality_summary", EventLog.fields("ratings_read", 80L, "accepted", 78L, "rejected", 2L,
                    "bad_row_fraction", 0.025, "by_column", EventLog.fields("city", 2L), "note", "a \"quoted\"\nline"));
            log.error("job_failed", EventLog.fields("error", "DataQualityException", "ratio", Double.NaN));
        });

        LogSchemaCheck.assertSchema(lines, "glue-job");
        JsonNode summary = LogSchemaCheck.event(lines, "quality_summary").get(0);
        assertThat(summary.path("correlation_id").asText()).isEqualTo("jr_1");
        assertThat(summary.path("level").asText()).isEqualTo("INFO");
        assertThat(summary.path("message").asText()).isEqualTo("quality summary");
        assertThat(summary.path("logger").asText()).isEqualTo(EventLog.LOGGER);
        assertThat(summary.path("ratings_read").isIntegralNumber()).isTrue();
        assertThat(summary.path("ratings_read").asLong()).isEqualTo(80);
        assertThat(summary.path("bad_row_fraction").asDouble()).isEqualTo(0.025);
        assertThat(summary.path("by_column").path("city").asLong()).isEqualTo(2);
        assertThat(summary.path("note").asText()).isEqualTo("a \"quoted\"\nline");
        JsonNode failed = LogSchemaCheck.event(lines, "job_failed").get(0);
        assertThat(failed.path("level").asText()).isEqualTo("ERROR");
        assertThat(failed.path("ratio").isNull()).isTrue();
    }

    @Test
    void fieldsComeInPairs() {
        assertThatThrownBy(() -> EventLog.fields("lonely")).isInstanceOf(IllegalArgumentException.class);
    }
}
