package com.scalemodels.recs.etl;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * Writes the training table and the rejected rows as Snappy Parquet.
 *
 * <p>Re-run safety: the training table is written with dynamic partition overwrite (each customer's folder is
 * replaced whole), then folders of customers that no longer have any accepted rating are deleted, so a re-run
 * leaves exactly the current snapshot. Readers wait for {@value #SUMMARY_FILE}: it and {@code _SUCCESS} are
 * deleted before anything is written and written last, {@code _SUCCESS} first. (Spark's own {@code _SUCCESS} is
 * left in its staging folder under dynamic overwrite, so the job writes it.) The rejected folder is small and
 * replaced whole on every run.
 */
public final class TrainingTableWriter {

    public static final String SUMMARY_FILE = "_RUN_SUMMARY.json";
    static final String SUCCESS_FILE = "_SUCCESS";
    private static final String PARTITION_PREFIX = TrainingColumns.CUSTOMER_NUMBER + "=";

    private final SparkSession spark;

    public TrainingTableWriter(SparkSession spark) {
        this.spark = spark;
    }

    /** Removes the completion markers so nobody reads a half-rewritten table as complete. */
    public void invalidateMarkers(String trainingPath) {
        delete(new Path(trainingPath, SUMMARY_FILE), false);
        delete(new Path(trainingPath, SUCCESS_FILE), false);
    }

    /** Writes the accepted rows; returns the customer folders it deleted as stale. */
    public int writeTraining(Dataset<Row> accepted, String trainingPath) {
        // One shuffle partition per customer folder, sorted: one file per customer and byte-stable re-runs.
        accepted.repartition(col(TrainingColumns.CUSTOMER_NUMBER))
                .sortWithinPartitions(TrainingColumns.CUSTOMER_NUMBER, TrainingColumns.PRODUCT_CODE)
                .write()
                .mode(SaveMode.Overwrite)
                .option("partitionOverwriteMode", "dynamic")
                .option("compression", "snappy")
                .partitionBy(TrainingColumns.CUSTOMER_NUMBER)
                .parquet(trainingPath);
        Set<String> current = new HashSet<>();
        for (Row r : accepted.select(TrainingColumns.CUSTOMER_NUMBER).distinct().collectAsList()) {
            current.add(PARTITION_PREFIX + r.get(0));
        }
        int stale = deleteStalePartitions(trainingPath, current);
        writeFile(new Path(trainingPath, SUCCESS_FILE), "");
        return stale;
    }

    public void writeRejected(Dataset<Row> rejected, String rejectedPath) {
        rejected.coalesce(1)
                .sortWithinPartitions(TrainingColumns.REJECT_REASON, TrainingColumns.CUSTOMER_NUMBER,
                        TrainingColumns.PRODUCT_CODE, TrainingColumns.PRODUCT_RATING)
                .write()
                .mode(SaveMode.Overwrite)
                // The whole folder is this run's rejects: stale reasons of an earlier run must go.
                .option("partitionOverwriteMode", "static")
                .option("compression", "snappy")
                .partitionBy(TrainingColumns.REJECT_REASON)
                .parquet(rejectedPath);
    }

    public void writeSummary(String trainingPath, String json) {
        writeFile(new Path(trainingPath, SUMMARY_FILE), json + "\n");
    }

    private void writeFile(Path path, String content) {
        try (OutputStream out = fileSystem(path).create(path, true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private int deleteStalePartitions(String trainingPath, Set<String> current) {
        Path root = new Path(trainingPath);
        FileSystem fs = fileSystem(root);
        int deleted = 0;
        try {
            if (!fs.exists(root)) {
                return 0;
            }
            for (FileStatus status : List.of(fs.listStatus(root))) {
                String name = status.getPath().getName();
                if (status.isDirectory() && name.startsWith(PARTITION_PREFIX) && !current.contains(name)) {
                    fs.delete(status.getPath(), true);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune stale partitions under " + root, e);
        }
        return deleted;
    }

    private void delete(Path path, boolean recursive) {
        try {
            FileSystem fs = fileSystem(path);
            if (fs.exists(path)) {
                fs.delete(path, recursive);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    private FileSystem fileSystem(Path path) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try {
            return FileSystem.get(URI.create(path.toString()), conf);
        } catch (IOException e) {
            throw new UncheckedIOException("no file system for " + path, e);
        }
    }
}
