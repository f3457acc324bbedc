package com.scalemodels.recs.local.firehose;

import java.time.Duration;
import java.util.Objects;

/**
 * What the simulated delivery stream is configured with, mirroring Terraform's Firehose (terraform/modules/
 * streaming_inference): processor buffer size and interval, processor retries, S3 buffering hints and the names
 * that appear in ARNs and object names.
 *
 * @param streamName          delivery stream name, the first part of every object name
 * @param bufferBytes         processor buffer: a batch is handed to the function once it would grow past this
 * @param bufferInterval      processor buffer: a batch is handed over when its oldest record is this old
 * @param retries             processor retries after a failed invocation (Firehose's NumberOfRetries)
 * @param objectBytes         S3 buffering size: an object is completed once it holds this much
 * @param objectInterval      S3 buffering interval: an object is completed when it is this old
 */
public record FirehoseSettings(String streamName, String region, String accountId, String sourceStreamName,
        String lambdaName, long bufferBytes, Duration bufferInterval, int retries, long objectBytes,
        Duration objectInterval) {

    /** Firehose's limits for a Lambda processor: 0.2–3 MB, 60–900 s, 0–300 retries. */
    public FirehoseSettings {
        Objects.requireNonNull(streamName, "streamName");
        if (bufferBytes < 1) {
            throw new IllegalArgumentException("bufferBytes must be positive");
        }
        if (bufferInterval.isNegative() || bufferInterval.isZero()) {
            throw new IllegalArgumentException("bufferInterval must be positive");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
    }

    /** Terraform's defaults (S3 buffering 64 MB / 300 s) with the given processor buffer and retries. */
    public static FirehoseSettings local(long bufferBytes, Duration bufferInterval, int retries) {
        return new FirehoseSettings("de-c1w4-recommendations", "us-east-1", "000000000000", "de-c1w4-sessions",
                "de-c1w4-transformation", bufferBytes, bufferInterval, retries, 64L * 1024 * 1024,
                Duration.ofSeconds(300));
    }

    public String deliveryStreamArn() {
        return "arn:aws:firehose:" + region + ":" + accountId + ":deliverystream/" + streamName;
    }

    public String sourceStreamArn() {
        return "arn:aws:kinesis:" + region + ":" + accountId + ":stream/" + sourceStreamName;
    }

    /** Firehose calls the function's {@code live} alias (Terraform). */
    public String lambdaArn() {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + lambdaName + ":live";
    }
}
