package com.scalemodels.recs.etl;

import org.apache.spark.launcher.JavaModuleOptions;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Benchmark (./bench.sh glue-job): ≈1M ratings (5,000 customers × 200 of 500 products) generated in MariaDB with
 * its sequence engine, then the job with Spark local[*]. Prints the read phase (JDBC + join + checks, up to the
 * counts) and the write phase (Parquet + rejects + markers) apart.
 */
public final class RatingsTrainingBench {

    static final int CUSTOMERS = 5_000;
    static final int PRODUCTS = 500;

    public static void main(String[] args) throws Exception {
        if (!Object.class.getModule().isOpen("sun.nio.ch", RatingsTrainingBench.class.getModule())) {
            // bench.sh starts a plain JVM; Spark on Java 17 needs its module opens, so run again with them.
            System.exit(relaunchWithSparkModuleOptions(args));
        }
        long generateStart = System.nanoTime();
        try (ScratchDatabase db = ScratchDatabase.create("bench")) {
            generate(db);
            double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
            Path target = Files.createTempDirectory("glue-bench");
            SparkSession spark = SparkSession.builder().appName("glue-job-bench").master("local[*]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "16")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            try {
                JobArguments jobArgs = JobRuns.arguments(db.settings(), target, "--read-partitions", "8");
                JobReport report = JobRuns.run(spark, jobArgs);
                long read = report.counts().ratingsRead();
                long written = report.counts().accepted();
                System.out.printf(Locale.ROOT, "glue-job.generate_seconds: %.1f s%n", generateSeconds);
                System.out.printf(Locale.ROOT, "glue-job.ratings: %d rows%n", read);
                System.out.printf(Locale.ROOT, "glue-job.read_rows_per_second: %.0f rows/s%n",
                        read / report.readSeconds());
                System.out.printf(Locale.ROOT, "glue-job.write_rows_per_second: %.0f rows/s%n",
                        written / report.writeSeconds());
                System.out.printf(Locale.ROOT, "glue-job.total_seconds: %.1f s%n",
                        report.readSeconds() + report.writeSeconds());
            } finally {
                spark.stop();
                deleteRecursively(target);
            }
        }
    }

    /** Deterministic data at ≈1M ratings; the arithmetic picks exactly 2 in 5 (customer, product) pairs. */
    static void generate(ScratchDatabase db) throws Exception {
        db.runResource("/fixtures/classicmodels-fixture.sql");
        db.runSql("""
                DELETE FROM ratings; DELETE FROM customers; DELETE FROM products; DELETE FROM productlines;
                ALTER TABLE ratings ADD PRIMARY KEY (customerNumber, productCode);
                INSERT INTO productlines (productLine, textDescription)
                  SELECT ELT(seq, 'Classic Cars', 'Motorcycles', 'Planes', 'Ships', 'Trains', 'Trucks and Buses',
                              'Vintage Cars'), 'generated' FROM seq_1_to_7;
                INSERT INTO products (productCode, productName, productLine, productScale, productVendor,
                                      productDescription, quantityInStock, buyPrice, MSRP)
                  SELECT CONCAT('S', LPAD(seq, 5, '0')), CONCAT('Model ', seq),
                         ELT(1 + MOD(seq, 7), 'Classic Cars', 'Motorcycles', 'Planes', 'Ships', 'Trains',
                             'Trucks and Buses', 'Vintage Cars'),
                         ELT(1 + MOD(seq, 8), '1:10', '1:12', '1:18', '1:24', '1:32', '1:50', '1:72', '1:700'),
                         'Generated Vendor', 'generated', MOD(seq * 7919, 10000),
                         10 + MOD(seq * 37, 9000) / 100, 20 + MOD(seq * 53, 18000) / 100
                  FROM seq_1_to_{PRODUCTS};
                INSERT INTO customers (customerNumber, customerName, contactLastName, contactFirstName, phone,
                                       addressLine1, addressLine2, city, state, postalCode, country,
                                       salesRepEmployeeNumber, creditLimit)
                  SELECT seq, CONCAT('Customer ', seq), 'Doe', 'Jo', '555-0100', CONCAT(seq, ' Main St'), NULL,
                         ELT(1 + MOD(seq, 10), 'Nantes', 'Las Vegas', 'Melbourne', 'Stavern', 'San Rafael',
                             'Warszawa', 'Frankfurt', 'NYC', 'Madrid', 'Boston'),
                         IF(MOD(seq, 3) = 0, 'CA', NULL), LPAD(MOD(seq, 99999), 5, '0'),
                         ELT(1 + MOD(seq, 10), 'France', 'USA', 'Australia', 'Norway  ', 'USA', 'Poland', 'Germany',
                             'USA', 'Spain', 'USA'),
                         1370, MOD(seq * 7919, 15000000) / 100
                  FROM seq_1_to_{CUSTOMERS};
                INSERT INTO ratings (customerNumber, productCode, productRating)
                  SELECT c.seq, CONCAT('S', LPAD(p.seq, 5, '0')), 1 + MOD(c.seq * 31 + p.seq * 17, 5)
                  FROM seq_1_to_{CUSTOMERS} c CROSS JOIN seq_1_to_{PRODUCTS} p
                  WHERE MOD(c.seq * 7 + p.seq * 13, 5) < 2;
                """.replace("{CUSTOMERS}", Integer.toString(CUSTOMERS)).replace("{PRODUCTS}", Integer.toString(PRODUCTS)));
    }

    private static int relaunchWithSparkModuleOptions(String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RatingsTrainingBench.class.getName());
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
