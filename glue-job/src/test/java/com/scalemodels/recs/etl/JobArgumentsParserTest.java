package com.scalemodels.recs.etl;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobArgumentsParserTest {

    private final JobArgumentsParser parser = new JobArgumentsParser();

    @Test
    void parsesGlueStyleArgumentsAndIgnoresGluesOwn() {
        JobArgumentsParser.Parsed parsed = parser.parseWithIgnored(
                "--JOB_ID", "j_abc", "--JOB_RUN_ID", "jr_123", "--job-bookmark-option", "job-bookmark-disable",
                "--TempDir", "s3://glue-temp/x", "--enable-metrics", "--JOB_NAME", "ratings",
                "--source-jdbc-url", "jdbc:mysql://db.internal:3306/classicmodels",
                "--source-secret-id", "prod/classicmodels",
                "--target-path", "s3://datalake/curated/",
                "--read-partitions", "16", "--fetch-size", "5000", "--max-bad-row-fraction", "0.01");

        JobArguments a = parsed.arguments();
        assertThat(a.sourceJdbcUrl()).isEqualTo("jdbc:mysql://db.internal:3306/classicmodels");
        assertThat(a.sourceSecretId()).contains("prod/classicmodels");
        assertThat(a.sourceUser()).isEmpty();
        assertThat(a.targetPath()).isEqualTo("s3://datalake/curated");
        assertThat(a.trainingPath()).isEqualTo("s3://datalake/curated/ratings-ml-training");
        assertThat(a.rejectedPath()).isEqualTo("s3://datalake/curated/ratings-ml-training-rejected");
        assertThat(a.readPartitions()).isEqualTo(16);
        assertThat(a.fetchSize()).isEqualTo(5000);
        assertThat(a.maxBadRowFraction()).isEqualTo(0.01);
        assertThat(a.master()).isEmpty();
        assertThat(a.glueRunId()).contains("jr_123");
        assertThat(parsed.ignoredNames())
                .containsExactlyInAnyOrder("JOB_ID", "job-bookmark-option", "TempDir", "enable-metrics", "JOB_NAME");
    }

    @Test
    void appliesDefaultsForALocalRun() {
        JobArguments a = parser.parse("--source-jdbc-url", "jdbc:mysql://127.0.0.1:53306/classicmodels",
                "--source-user", "recs", "--source-password", "s3cret",
                "--target-path=file:///tmp/lake", "--master", "local[*]");
        assertThat(a.sourceUser()).contains("recs");
        assertThat(a.sourcePassword()).contains("s3cret");
        assertThat(a.targetPath()).isEqualTo("file:///tmp/lake");
        assertThat(a.readPartitions()).isEqualTo(JobArguments.DEFAULT_READ_PARTITIONS);
        assertThat(a.fetchSize()).isEqualTo(JobArguments.DEFAULT_FETCH_SIZE);
        assertThat(a.maxBadRowFraction()).isEqualTo(JobArguments.DEFAULT_MAX_BAD_ROW_FRACTION);
        assertThat(a.master()).isEqualTo(Optional.of("local[*]"));
    }

    @Test
    void neverPrintsThePassword() {
        JobArguments a = parser.parse("--source-jdbc-url", "jdbc:mysql://h/db", "--source-user", "recs",
                "--source-password", "s3cret", "--target-path", "file:///tmp/lake");
        assertThat(a.toString()).doesNotContain("s3cret").contains("***");
        assertThat(new DbCredentials("recs", "s3cret").toString()).doesNotContain("s3cret");
        JobArguments inUrl = parser.parse("--source-jdbc-url", "jdbc:mysql://u:s3cret@h:3306/db?password=s3cret",
                "--source-secret-id", "id", "--target-path", "file:///tmp/lake");
        assertThat(inUrl.redactedJdbcUrl()).isEqualTo("jdbc:mysql://***@h:3306/db?...");
        assertThat(inUrl.toString()).doesNotContain("s3cret");
    }

    @Test
    void missingRequiredArgumentIsNamed() {
        assertThatThrownBy(() -> parser.parse("--source-user", "u", "--source-password", "p",
                "--target-path", "file:///tmp/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--source-jdbc-url");
        assertThatThrownBy(() -> parser.parse("--source-jdbc-url", "jdbc:mysql://h/db",
                "--source-user", "u", "--source-password", "p"))
                .hasMessageContaining("--target-path: required");
        assertThatThrownBy(() -> parser.parse("--source-jdbc-url", "jdbc:mysql://h/db",
                "--target-path", "file:///tmp/x"))
                .hasMessageContaining("--source-secret-id");
        assertThatThrownBy(() -> parser.parse("--source-jdbc-url", "jdbc:mysql://h/db", "--source-user", "u",
                "--target-path", "file:///tmp/x"))
                .hasMessageContaining("--source-password");
    }

    @Test
    void rejectsMalformedValuesNamingTheArgument() {
        String[] base = {"--source-jdbc-url", "jdbc:mysql://h/db", "--source-user", "u", "--source-password", "p",
                "--target-path", "file:///tmp/x"};
        assertThatThrownBy(() -> parser.parse(concat(base, "--read-partitions", "zero")))
                .hasMessageContaining("--read-partitions: expected an integer").hasMessageNotContaining("zero");
        assertThatThrownBy(() -> parser.parse(concat(base, "--fetch-size", "-1")))
                .hasMessageContaining("--fetch-size");
        assertThatThrownBy(() -> parser.parse(concat(base, "--max-bad-row-fraction", "1.5")))
                .hasMessageContaining("--max-bad-row-fraction");
        assertThatThrownBy(() -> parser.parse(concat(base, "--master")))
                .hasMessageContaining("--master: expected a value");
        assertThatThrownBy(() -> parser.parse("--source-jdbc-url", "jdbc:mariadb://h/db", "--source-user", "u",
                "--source-password", "p", "--target-path", "file:///tmp/x"))
                .hasMessageContaining("--source-jdbc-url").hasMessageContaining("jdbc:mysql://");
        assertThatThrownBy(() -> parser.parse("--source-jdbc-url", "jdbc:mysql://h/db", "--source-user", "u",
                "--source-password", "p", "--target-path", "/tmp/no-scheme"))
                .hasMessageContaining("--target-path");
        assertThatThrownBy(() -> parser.parse("--source-jdbc-url", "jdbc:mysql://h/db", "--source-secret-id", "s",
                "--source-user", "u", "--target-path", "file:///tmp/x"))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> parser.parse(concat(base, "stray")))
                .hasMessageContaining("position 8");
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
