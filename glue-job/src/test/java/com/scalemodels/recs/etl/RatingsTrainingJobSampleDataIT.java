package com.scalemodels.recs.etl;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job on the repository's sample data (samples/classicmodels/classicmodels.sql, relative to this module):
 * whatever that data holds, the training table must match the same join computed by MariaDB.
 */
class RatingsTrainingJobSampleDataIT {

    static final Path SAMPLE_SQL = Path.of("../samples/classicmodels/classicmodels.sql");

    private static SparkSession spark;
    private static ScratchDatabase db;
    private static JobArguments args;
    private static JobReport report;

    @TempDir
    static Path target;

    @BeforeAll
    static void runJobOnSampleData() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SAMPLE_SQL),
                "sample data not generated yet: " + SAMPLE_SQL.toAbsolutePath().normalize());
        spark = TestSpark.start();
        db = ScratchDatabase.create("sample");
        db.runScript(SAMPLE_SQL);
        // The sample's own quality is reported, not judged here: this test checks the join, not the data.
        args = JobRuns.arguments(db.settings(), target, "--max-bad-row-fraction", "1");
        report = JobRuns.run(spark, args);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (db != null) {
            db.close();
        }
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void trainingTableMatchesTheJoinComputedByMariaDb() throws Exception {
        long expected = db.queryLong(JobRuns.EXPECTED_ROW_COUNT);
        assertThat(expected).isPositive();
        assertThat(report.counts().accepted()).isEqualTo(expected);
        assertThat(spark.read().parquet(args.trainingPath()).count()).isEqualTo(expected);
        assertThat(report.counts().ratingsRead()).isEqualTo(db.queryLong("SELECT COUNT(*) FROM ratings"));
    }

    @Test
    void writesOneFolderPerCustomerWithRatings() throws Exception {
        List<String> folders;
        try (Stream<Path> s = Files.list(Path.of(URI.create(args.trainingPath())))) {
            folders = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
        }
        assertThat(folders).hasSize((int) db.queryLong(JobRuns.EXPECTED_CUSTOMER_COUNT))
                .allSatisfy(n -> assertThat(n).matches("customerNumber=\\d+"));
    }

    @Test
    void reRunGivesTheSameData() {
        List<String> before = JobRuns.readBackSorted(spark, args.trainingPath());
        JobRuns.run(spark, args);
        assertThat(JobRuns.readBackSorted(spark, args.trainingPath())).isEqualTo(before);
    }
}
