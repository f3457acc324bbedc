package com.scalemodels.recs.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void timesParseInUtcUnlessTheySayOtherwise() {
        assertThat(TimeRange.parseInstant("2026-11-21T10")).isEqualTo(at("2026-11-21T10:00:00Z"));
        assertThat(TimeRange.parseInstant("2026-11-21")).isEqualTo(at("2026-11-21T00:00:00Z"));
        assertThat(TimeRange.parseInstant("2026-11-21T10:30")).isEqualTo(at("2026-11-21T10:30:00Z"));
        assertThat(TimeRange.parseInstant("2026-11-21T10:30:15Z")).isEqualTo(at("2026-11-21T10:30:15Z"));
        assertThat(TimeRange.parseInstant("2026-11-21T12:30+02:00")).isEqualTo(at("2026-11-21T10:30:00Z"));
        assertThatThrownBy(() -> TimeRange.parseInstant("yesterday")).hasMessageContaining("'yesterday' is not a time");
        assertThatThrownBy(() -> TimeRange.parseInstant("2026-11-21T25")).hasMessageContaining("is not a time");
    }

    @Test
    void anHourIsSelectedWhenItOverlapsTheRange() {
        TimeRange range = new TimeRange(at("2026-11-21T10:30:00Z"), at("2026-11-21T12:00:00Z"));

        assertThat(range.overlapsHour(at("2026-11-21T09:00:00Z"))).isFalse();
        assertThat(range.overlapsHour(at("2026-11-21T10:00:00Z"))).as("holds 10:30..10:59").isTrue();
        assertThat(range.overlapsHour(at("2026-11-21T11:00:00Z"))).isTrue();
        assertThat(range.overlapsHour(at("2026-11-21T12:00:00Z"))).as("--to is exclusive").isFalse();
    }

    @Test
    void openEndsSelectEverythingOnThatSide() {
        assertThat(new TimeRange(null, at("2026-11-21T10:00:00Z")).overlapsHour(at("2000-01-01T00:00:00Z"))).isTrue();
        assertThat(new TimeRange(at("2026-11-21T10:00:00Z"), null).overlapsHour(at("2100-01-01T00:00:00Z"))).isTrue();
        assertThat(new TimeRange(at("2026-11-21T10:00:00Z"), null).overlapsHour(at("2026-11-21T09:00:00Z"))).isFalse();
        assertThat(TimeRange.ALL.bounded()).isFalse();
    }

    @Test
    void fromMustBeBeforeTo() {
        assertThatThrownBy(() -> new TimeRange(at("2026-11-21T10:00:00Z"), at("2026-11-21T10:00:00Z")))
                .isInstanceOf(ReplayException.class).hasMessageContaining("--from").hasMessageContaining("--to")
                .extracting(e -> ((ReplayException) e).exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
