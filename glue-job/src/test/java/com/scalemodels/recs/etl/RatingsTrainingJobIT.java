package com.scalemodels.recs.etl;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/** End to end on the clean fixture (20 customers, 15 products, 80 ratings): Spark local ↔ local MariaDB. */
class RatingsTrainingJobIT {

    private static SparkSession spark;
    private static ScratchDatabase db;
    private static JobReport firstRun;
    private static JobArguments args;

    @TempDir
    static Path target;

    @BeforeAll
    static void runJobOnce() throws Exception {
        spark = TestSpark.start();
        db = ScratchDatabase.create("fixture");
        db.runResource("/fixtures/classicmodels-fixture.sql");
        args = JobRuns.arguments(db.settings(), target);
        firstRun = JobRuns.run(spark, args);
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
    void writesTheTrainingColumnsWithPinnedTypes() {
        Dataset<Row> data = spark.read().parquet(args.trainingPath());
        Map<String, String> types = new LinkedHashMap<>();
        for (StructField f : data.schema().fields()) {
            types.put(f.name(), f.dataType().simpleString());
        }
        assertThat(types).containsOnlyKeys(TrainingColumns.ALL.toArray(String[]::new));
        assertThat(types).containsEntry("customerNumber", "int")
                .containsEntry("city", "string").containsEntry("state", "string")
                .containsEntry("postalCode", "string").containsEntry("country", "string")
                .containsEntry("creditLimit", "decimal(10,2)").containsEntry("productCode", "string")
                .containsEntry("productLine", "string").containsEntry("productScale", "string")
                .containsEntry("quantityInStock", "int").containsEntry("buyPrice", "decimal(10,2)")
                .containsEntry("MSRP", "decimal(10,2)").containsEntry("productRating", "int");
        assertThat(data.schema().apply("productRating").dataType()).isEqualTo(DataTypes.IntegerType);
    }

    @Test
    void rowCountEqualsTheSameJoinComputedByMariaDb() throws Exception {
        long expected = db.queryLong(JobRuns.EXPECTED_ROW_COUNT);
        assertThat(expected).isEqualTo(80);
        assertThat(spark.read().parquet(args.trainingPath()).count()).isEqualTo(expected);
        assertThat(firstRun.counts().accepted()).isEqualTo(expected);
        assertThat(firstRun.counts().rejected()).isZero();
    }

    @Test
    void writesOneFolderWithOneSnappyFilePerCustomer() throws Exception {
        Path training = Path.of(java.net.URI.create(args.trainingPath()));
        List<Path> folders;
        try (Stream<Path> s = Files.list(training)) {
            folders = s.filter(Files::isDirectory).toList();
        }
        assertThat(folders).hasSize((int) db.queryLong(JobRuns.EXPECTED_CUSTOMER_COUNT)).hasSize(20);
        assertThat(folders).allSatisfy(f -> assertThat(f.getFileName().toString()).matches("customerNumber=\\d+"));
        assertThat(folders).allSatisfy(f -> {
            try (Stream<Path> files = Files.list(f)) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")))
                        .singleElement().satisfies(n -> assertThat(n).endsWith(".snappy.parquet"));
            }
        });
    }

    @Test
    void keepsRawStringValues() {
        List<String> countries = spark.read().parquet(args.trainingPath())
                .select(col("country")).distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(countries).contains("Norway  ");
    }

    @Test
    void writesTheSuccessMarkerAndASummaryLast() throws IOException {
        Path training = Path.of(java.net.URI.create(args.trainingPath()));
        assertThat(training.resolve("_SUCCESS")).exists();
        String summary = Files.readString(training.resolve(TrainingTableWriter.SUMMARY_FILE), StandardCharsets.UTF_8);
        assertThat(summary).contains("\"run_id\":\"test-run\"", "\"ratings_read\":80", "\"rows_written\":80",
                "\"customers\":20", "\"rejected\":0");
        assertThat(Files.getLastModifiedTime(training.resolve(TrainingTableWriter.SUMMARY_FILE)))
                .isGreaterThanOrEqualTo(Files.getLastModifiedTime(training.resolve("_SUCCESS")));
    }

    /**
     * Re-run into the same target after customer 103's ratings are gone: the other customers' data reads back
     * identical (content compared, not file names), 103's folder is removed, the counts follow.
     */
    @Test
    void reRunGivesTheSameDataAndRemovesTheFolderOfACustomerWithoutRatings(@TempDir Path ownTarget)
            throws Exception {
        try (ScratchDatabase own = ScratchDatabase.create("rerun")) {
            own.runResource("/fixtures/classicmodels-fixture.sql");
            JobArguments ownArgs = JobRuns.arguments(own.settings(), ownTarget);
            JobRuns.run(spark, ownArgs);
            Path training = Path.of(java.net.URI.create(ownArgs.trainingPath()));
            assertThat(training.resolve("customerNumber=103")).isDirectory();
            List<String> before = JobRuns.readBackSorted(spark, ownArgs.trainingPath());
            assertThat(before).hasSize(80).isEqualTo(JobRuns.readBackSorted(spark, args.trainingPath()));

            own.runSql("DELETE FROM ratings WHERE customerNumber = 103");
            JobReport rerun = JobRuns.run(spark, ownArgs);

            List<String> after = JobRuns.readBackSorted(spark, ownArgs.trainingPath());
            assertThat(after).hasSize(76)
                    .isEqualTo(before.stream().filter(r -> !r.startsWith("[103,")).toList());
            assertThat(rerun.stalePartitionsDeleted()).isEqualTo(1);
            assertThat(rerun.counts().ratingsRead()).isEqualTo(76);
            assertThat(training.resolve("customerNumber=103")).doesNotExist();
            assertThat(training.resolve(TrainingTableWriter.SUMMARY_FILE)).exists();
        }
    }
}
