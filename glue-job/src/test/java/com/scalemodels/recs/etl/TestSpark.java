package com.scalemodels.recs.etl;

import org.apache.spark.sql.SparkSession;

/** A small local SparkSession for one test class. */
final class TestSpark {

    private TestSpark() {
    }

    static SparkSession start() {
        return SparkSession.builder()
                .appName("glue-job-test")
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }
}
