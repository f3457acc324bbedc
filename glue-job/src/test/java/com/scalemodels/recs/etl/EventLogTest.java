package com.scalemodels.recs.etl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventLogTest {

    @Test
    void writesOneJsonObjectWithTheRunIdAndFieldsInOrder() {
        String line = new EventLog("jr_1").line("quality_check",
                EventLog.fields("check", "null_feature", "rejected", 2L, "fraction", 0.25,
                        "by_column", EventLog.fields("city", 2L), "note", "a \"quoted\"\nline"));
        assertThat(line).isEqualTo("{\"event\":\"quality_check\",\"run_id\":\"jr_1\",\"check\":\"null_feature\","
                + "\"rejected\":2,\"fraction\":0.25,\"by_column\":{\"city\":2},"
                + "\"note\":\"a \\\"quoted\\\"\\nline\"}");
    }

    @Test
    void writesNonFiniteNumbersAsNull() {
        assertThat(new EventLog("r").line("e", EventLog.fields("x", Double.NaN))).endsWith("\"x\":null}");
    }

    @Test
    void fieldsComeInPairs() {
        assertThatThrownBy(() -> EventLog.fields("lonely")).isInstanceOf(IllegalArgumentException.class);
    }
}
