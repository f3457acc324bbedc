package com.scalemodels.recs.etl;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fixture plus the bad rows of planted-bad-rows.sql. Every expected number below is read off that file:
 * 80 clean ratings + 8 planted = 88 read; 80 accepted; 2 out of range, 1 unknown customer, 1 unknown product,
 * 2 with a null city, 2 duplicates.
 */
class RatingsTrainingJobQualityIT {

    private static SparkSession spark;
    private static ScratchDatabase db;
    private static JobArguments args;
    private static JobReport report;

    @TempDir
    static Path target;

    @BeforeAll
    static void runJobOnce() throws Exception {
        spark = TestSpark.start();
        db = ScratchDatabase.create("quality");
        db.runResource("/fixtures/classicmodels-fixture.sql");
        db.runResource("/fixtures/planted-bad-rows.sql");
        args = JobRuns.arguments(db.settings(), target, "--max-bad-row-fraction", "0.2");
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
    void countsEveryPlantedProblemOnce() {
        QualityCounts counts = report.counts();
        assertThat(counts.ratingsRead()).isEqualTo(88);
        assertThat(counts.accepted()).isEqualTo(80);
        assertThat(counts.rejectedByReason()).isEqualTo(Map.of(
                RejectReason.RATING_OUT_OF_RANGE, 2L,
                RejectReason.UNKNOWN_CUSTOMER, 1L,
                RejectReason.UNKNOWN_PRODUCT, 1L,
                RejectReason.NULL_FEATURE, 2L,
                RejectReason.DUPLICATE_PAIR, 2L));
        assertThat(counts.nullFeatureByColumn()).containsEntry("city", 2L)
                .allSatisfy((column, n) -> assertThat(n).isEqualTo(column.equals("city") ? 2L : 0L));
        assertThat(counts.customers()).isEqualTo(20);
        assertThat(counts.badRowFraction()).isEqualTo(8.0 / 88.0);
    }

    @Test
    void writesEveryRejectedRowWithItsReason() {
        Dataset<Row> rejected = spark.read().parquet(args.rejectedPath());
        Map<String, Long> byReason = rejected.groupBy(TrainingColumns.REJECT_REASON).count().collectAsList()
                .stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        assertThat(byReason).isEqualTo(Map.of("rating_out_of_range", 2L, "unknown_customer", 1L,
                "unknown_product", 1L, "null_feature", 2L, "duplicate_pair", 2L));
        List<Row> nullFeature = rejected.filter(col(TrainingColumns.REJECT_REASON).equalTo("null_feature"))
                .select(TrainingColumns.CUSTOMER_NUMBER, TrainingColumns.REJECT_DETAIL).collectAsList();
        assertThat(nullFeature).extracting(r -> r.getInt(0)).containsOnly(9001);
        assertThat(nullFeature).extracting(r -> r.getString(1)).containsOnly("city");
        List<Integer> outOfRange = rejected.filter(col(TrainingColumns.REJECT_REASON).equalTo("rating_out_of_range"))
                .select(TrainingColumns.PRODUCT_RATING).as(org.apache.spark.sql.Encoders.INT()).collectAsList();
        assertThat(outOfRange).containsExactlyInAnyOrder(0, 6);
    }

    @Test
    void keepsTheHighestRatingOfADuplicatePair() {
        Dataset<Row> training = spark.read().parquet(args.trainingPath());
        List<Integer> raised = training
                .filter(col("customerNumber").equalTo(103).and(col("productCode").equalTo("S10_4698")))
                .select("productRating").as(org.apache.spark.sql.Encoders.INT()).collectAsList();
        assertThat(raised).containsExactly(5);
        assertThat(training.filter(col("customerNumber").equalTo(103).and(col("productCode").equalTo("S12_3148")))
                .count()).isEqualTo(1);
        List<Integer> rejectedCopies = spark.read().parquet(args.rejectedPath())
                .filter(col(TrainingColumns.REJECT_REASON).equalTo("duplicate_pair"))
                .orderBy("productCode").select("productRating").as(org.apache.spark.sql.Encoders.INT())
                .collectAsList();
        assertThat(rejectedCopies).containsExactly(2, 1);
    }

    @Test
    void trainingTableHoldsNoRejectedRow() {
        Dataset<Row> training = spark.read().parquet(args.trainingPath());
        assertThat(training.count()).isEqualTo(80);
        assertThat(training.filter(col("customerNumber").isin(9001, 99999)).count()).isZero();
        assertThat(training.filter(col("productRating").lt(1).or(col("productRating").gt(5))).count()).isZero();
    }

    @Test
    void failsAboveTheThresholdAndLeavesThePreviousTableUntouched() {
        List<String> before = JobRuns.readBackSorted(spark, args.trainingPath());
        JobArguments strict = JobRuns.arguments(db.settings(), target, "--max-bad-row-fraction", "0.05");

        assertThatThrownBy(() -> JobRuns.run(spark, strict))
                .isInstanceOf(DataQualityException.class)
                .hasMessageContaining("8 of 88 ratings rejected")
                .hasMessageContaining("--max-bad-row-fraction");

        Path training = Path.of(URI.create(args.trainingPath()));
        assertThat(training.resolve(TrainingTableWriter.SUMMARY_FILE)).exists();
        assertThat(JobRuns.readBackSorted(spark, args.trainingPath())).isEqualTo(before);
        assertThat(spark.read().parquet(args.rejectedPath()).count()).isEqualTo(8);
    }
}
