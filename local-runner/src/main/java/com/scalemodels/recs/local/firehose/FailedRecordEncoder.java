package com.scalemodels.recs.local.firehose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

    private final ObjectMapper json = new ObjectMapper();
    private final String lambdaArn;

    public FailedRecordEncoder(String lambdaArn) {
        this.lambdaArn = lambdaArn;
    }

    /** One {@code \n}-terminated JSON line. */
    public byte[] encode(BufferedRecord record, int attemptsMade, String errorCode, String errorMessage,
            Instant attemptEnding) {
        ObjectNode line = json.createObjectNode();
        line.put("attemptsMade", attemptsMade);
        line.put("arrivalTimestamp", record.arrival().toEpochMilli());
        line.put("errorCode", errorCode);
        line.put("errorMessage", errorMessage);
        line.put("attemptEndingTimestamp", attemptEnding.toEpochMilli());
        line.put("rawData", Base64.getEncoder().encodeToString(record.data()));
        line.put("lambdaArn", lambdaArn);
        try {
            return (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of strings and numbers", e);
        }
    }
}
