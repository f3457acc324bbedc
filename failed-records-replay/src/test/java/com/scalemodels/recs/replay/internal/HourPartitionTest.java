package com.scalemodels.recs.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HourPartitionTest {

    @Test
    void theHourIsTheLastDateFolderBeforeTheObjectName() {
        assertThat(HourPartition.of("processing-failed/processing-failed/2026/11/21/09/de-c1w4-recommendations-1-"
                + "2026-11-21-09-59-59-0c8e0a4c-1b2a-4a40-9d4c-0d3c2c1b0a99"))
                .contains(Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(HourPartition.of("2026/01/02/23/x.gz")).contains(Instant.parse("2026-01-02T23:00:00Z"));
        assertThat(HourPartition.of("a/2025/01/01/00/b/2026/12/31/23/x")).contains(Instant.parse("2026-12-31T23:00:00Z"));
    }

    @Test
    void keysWithoutAnHourFolderOrWithImpossibleDatesHaveNone() {
        assertThat(HourPartition.of("processing-failed/readme.txt")).isEmpty();
        assertThat(HourPartition.of("2026/11/21/x")).isEmpty();
        assertThat(HourPartition.of("2026/13/21/09/x")).isEmpty();
        assertThat(HourPartition.of("2026/11/21/24/x")).isEmpty();
        assertThat(HourPartition.of("2026/11/21/09/")).isEmpty();
    }
}
