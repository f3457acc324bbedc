package com.scalemodels.recs.local.firehose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalemodels.recs.json.Json;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * The line Firehose writes under processing-failed/ for a record it could not transform: its original bytes in
 * {@code rawData} (base64), why, and when. Field names are Firehose's.
 */
public final class FailedRecordEncoder {

    public static final String PROCESSING_FAILED = "Lambda.ProcessingFailed";
    public static final String FUNCTION_ERROR = "Lambda.FunctionError";
    static final String PROCESSING_FAILED_MESSAGE =
            "The Lambda function was successfully invoked but it returned an error result.";

    private final String lambdaArn;

    public FailedRecordEncoder(String lambdaArn) {
        this.lambdaArn = lambdaArn;
    }

    /** One {@code \n}-terminated JSON line. */
    public byte[] encode(BufferedRecord record, int attemptsMade, String errorCode, String errorMessage,
            Instant attemptEnding) {
        ObjectNode line = Json.object();
        line.put("attemptsMade", attemptsMade);
        line.put("arrivalTimestamp", record.arrival().toEpochMilli());
        line.put("errorCode", errorCode);
        line.put("errorMessage", errorMessage);
        line.put("attemptEndingTimestamp", attemptEnding.toEpochMilli());
        line.put("rawData", Base64.getEncoder().encodeToString(record.data()));
        line.put("lambdaArn", lambdaArn);
        byte[] json = Json.write(line);
        byte[] out = Arrays.copyOf(json, json.length + 1);
        out[json.length] = '\n';
        return out;
    }
}
