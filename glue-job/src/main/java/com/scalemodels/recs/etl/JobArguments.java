package com.scalemodels.recs.etl;

import java.util.Optional;

/**
 * The job's settings, parsed from Glue-style {@code --name value} arguments by {@link JobArgumentsParser}.
 *
 * @param sourceJdbcUrl      {@code jdbc:mysql://host:port/db} (also for MariaDB: Spark picks its dialect by prefix)
 * @param sourceSecretId     Secrets Manager id of a {@code {"username","password"}} secret, when run on AWS
 * @param sourceUser         local alternative to the secret
 * @param sourcePassword     local alternative to the secret; never printed
 * @param targetPath         data-lake root, {@code s3://…} on Glue or {@code file:///…} locally, without trailing slash
 * @param readPartitions     parallel JDBC reads of {@code ratings}
 * @param fetchSize          JDBC fetch size hint
 * @param maxBadRowFraction  the job fails when rejected rows / ratings read exceeds this
 * @param master             Spark master for local runs; empty on Glue, which sets it
 * @param glueRunId          Glue's {@code --JOB_RUN_ID}, used as the run id of the logs when present
 */
public record JobArguments(
        String sourceJdbcUrl,
        Optional<String> sourceSecretId,
        Optional<String> sourceUser,
        Optional<String> sourcePassword,
        String targetPath,
        int readPartitions,
        int fetchSize,
        double maxBadRowFraction,
        Optional<String> master,
        Optional<String> glueRunId) {

    public static final int DEFAULT_READ_PARTITIONS = 8;
    public static final int DEFAULT_FETCH_SIZE = 10_000;
    public static final double DEFAULT_MAX_BAD_ROW_FRACTION = 0.05;

    public String trainingPath() {
        return targetPath + "/ratings-ml-training";
    }

    public String rejectedPath() {
        return targetPath + "/ratings-ml-training-rejected";
    }

    /**
     * The URL for logs: without query parameters or user info, where a password could have been put
     * ({@code ?password=…}, {@code //user:pw@host}).
     */
    public String redactedJdbcUrl() {
        String url = sourceJdbcUrl;
        int query = url.indexOf('?');
        if (query >= 0) {
            url = url.substring(0, query) + "?...";
        }
        return url.replaceFirst("//[^/@]*@", "//***@");
    }

    @Override
    public String toString() {
        // The password must never reach a log line, even through an accidental toString().
        return "JobArguments[sourceJdbcUrl=" + redactedJdbcUrl()
                + ", sourceSecretId=" + sourceSecretId.orElse("-")
                + ", sourceUser=" + sourceUser.orElse("-")
                + ", sourcePassword=" + (sourcePassword.isPresent() ? "***" : "-")
                + ", targetPath=" + targetPath
                + ", readPartitions=" + readPartitions
                + ", fetchSize=" + fetchSize
                + ", maxBadRowFraction=" + maxBadRowFraction
                + ", master=" + master.orElse("-")
                + ", glueRunId=" + glueRunId.orElse("-") + "]";
    }
}
