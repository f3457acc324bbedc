package com.scalemodels.recs.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PipelineOptionsTest {

    private static PipelineOptions parse(String... args) {
        PipelineOptions options = new PipelineOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void defaultsAreValidAndMatchTerraform() {
        PipelineOptions options = parse();
        assertThat(options.problems()).isEmpty();
        assertThat(options.streamPlan().total()).isEqualTo(2000);
        assertThat(options.streamPlan().paced()).isFalse();
        assertThat(options.streamPlan().malformedShare()).isEqualTo(0.05);
        assertThat(options.bufferBytes()).isEqualTo(512 * 1024);
        assertThat(options.bufferIntervalSeconds).isEqualTo(60);
        assertThat(options.retries).isEqualTo(3);
        assertThat(options.mysqlDatabase).isEqualTo("classicmodels_local");
        assertThat(options.pgDatabase).isEqualTo("recs_local");
    }

    @Test
    void outOfBoundsValuesAreNamed() {
        assertThat(parse("--sessions", "0", "--malformed-share", "1.5", "--buffer-mb", "4", "--buffer-interval-s",
                "0", "--retries", "-1", "--scale", "0", "--rate", "-2", "--pg-database", "Bad-Name").problems())
                .hasSize(8)
                .anySatisfy(p -> assertThat(p).startsWith("--sessions"))
                .anySatisfy(p -> assertThat(p).startsWith("--malformed-share"))
                .anySatisfy(p -> assertThat(p).startsWith("--buffer-mb"))
                .anySatisfy(p -> assertThat(p).startsWith("--buffer-interval-s"))
                .anySatisfy(p -> assertThat(p).startsWith("--retries"))
                .anySatisfy(p -> assertThat(p).startsWith("--scale"))
                .anySatisfy(p -> assertThat(p).startsWith("--rate"))
                .anySatisfy(p -> assertThat(p).startsWith("--pg-database"));
    }

    @Test
    void aTimedStreamNeedsARateAndNoCount() {
        assertThat(parse("--duration", "90s").problems()).containsExactly("--duration needs --rate (sessions per"
                + " second)");
        assertThat(parse("--duration", "90s", "--rate", "10", "--sessions", "5").problems())
                .containsExactly("give --sessions or --duration, not both");
        PipelineOptions timed = parse("--duration", "2m", "--rate", "2.5");
        assertThat(timed.problems()).isEmpty();
        assertThat(timed.streamPlan().total()).isEqualTo(300);
        assertThat(timed.streamPlan().paced()).isTrue();
    }

    @Test
    void durationsReadAsSecondsMinutesHoursOrIso() {
        PipelineOptions.DurationConverter c = new PipelineOptions.DurationConverter();
        assertThat(c.convert("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(c.convert("PT30S")).isEqualTo(Duration.ofSeconds(30));
    }
}
