package com.scalemodels.recs.local.firehose;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * S3 keys as Firehose writes them: {@code <prefix>YYYY/MM/DD/HH/<stream>-<version>-<YYYY-MM-DD-HH-MM-SS>-<uuid>},
 * in UTC, from the arrival time of the oldest record in the object. The prefixes are Terraform's:
 * {@code recommendations/!{timestamp:yyyy/MM/dd/HH}/} and
 * {@code processing-failed/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/}; a processor failure's
 * error-output-type is {@code processing-failed}.
 */
public final class ObjectNames {

    public static final String RECOMMENDATIONS_PREFIX = "recommendations/";
    public static final String PROCESSING_FAILED_PREFIX = "processing-failed/processing-failed/";
    /** The delivery stream version in object names; a new stream starts at 1. */
    static final int STREAM_VERSION = 1;

    private static final DateTimeFormatter HOUR_PATH =
            DateTimeFormatter.ofPattern("yyyy/MM/dd/HH/").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);

    private ObjectNames() {
    }

    public static String key(String prefix, String streamName, Instant oldestArrival, UUID uuid) {
        return prefix + HOUR_PATH.format(oldestArrival) + streamName + "-" + STREAM_VERSION + "-"
                + FILE_TIME.format(oldestArrival) + "-" + uuid;
    }
}
