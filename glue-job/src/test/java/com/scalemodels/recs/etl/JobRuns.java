package com.scalemodels.recs.etl;

import com.scalemodels.recs.testing.JdbcSettings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared steps of the job's integration tests. */
final class JobRuns {

    /**
     * The training table's row count computed by MariaDB with the job's rules: rating 1–5, known customer and
     * product, no null model feature, one row per (customer, product). BINARY comparisons because MariaDB's
     * default collation is case- and trailing-space-insensitive, Spark's joins are not.
     */
    static final String EXPECTED_PAIRS = """
            SELECT r.customerNumber, BINARY r.productCode
            FROM ratings r
            JOIN customers c ON c.customerNumber = r.customerNumber
            JOIN products p ON BINARY p.productCode = BINARY r.productCode
            WHERE r.productRating BETWEEN 1 AND 5
              AND c.city IS NOT NULL AND c.country IS NOT NULL AND c.creditLimit IS NOT NULL
              AND p.productLine IS NOT NULL AND p.productScale IS NOT NULL AND p.quantityInStock IS NOT NULL
              AND p.buyPrice IS NOT NULL AND p.MSRP IS NOT NULL
            GROUP BY r.customerNumber, BINARY r.productCode""";

    static final String EXPECTED_ROW_COUNT = "SELECT COUNT(*) FROM (" + EXPECTED_PAIRS + ") t";
    static final String EXPECTED_CUSTOMER_COUNT =
            "SELECT COUNT(DISTINCT customerNumber) FROM (" + EXPECTED_PAIRS + ") t";

    private JobRuns() {
    }

    static JobArguments arguments(JdbcSettings db, Path target, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--JOB_ID", "j_123", "--job-bookmark-option", "job-bookmark-disable", "--TempDir", "s3://tmp/x",
                "--source-jdbc-url", db.url(),
                "--source-user", db.user(),
                "--source-password", db.password(),
                "--target-path", target.toUri().toString()));
        args.addAll(List.of(extra));
        if (!args.contains("--read-partitions")) {
            // Small but more than one, so the tests go through the partitioned read.
            args.addAll(List.of("--read-partitions", "3"));
        }
        return new JobArgumentsParser().parse(args.toArray(String[]::new));
    }

    static JobReport run(SparkSession spark, JobArguments args) {
        DbCredentials credentials = new CredentialsResolver(id -> {
            throw new AssertionError("tests never use Secrets Manager");
        }).resolve(args);
        return new RatingsTrainingJob(spark, new EventLog("test-run")).run(args, credentials);
    }

    /** The training table read back, sorted, as comparable strings (file names and order do not matter). */
    static List<String> readBackSorted(SparkSession spark, String path) {
        Dataset<Row> data = spark.read().parquet(path);
        return data.select(TrainingColumns.ALL.stream().map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new))
                .collectAsList().stream().map(Row::toString).sorted().toList();
    }
}
