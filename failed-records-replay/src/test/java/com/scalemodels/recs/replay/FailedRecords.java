package com.scalemodels.recs.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Test data in the shape Firehose writes under processing-failed/ (see the local runner's FailedRecordEncoder). */
final class FailedRecords {

    static final String PROCESSING_FAILED = "Lambda.ProcessingFailed";
    static final String FUNCTION_ERROR = "Lambda.FunctionError";
    static final String PREFIX = "processing-failed/processing-failed/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH/")
            .withZone(ZoneOffset.UTC);

    private FailedRecords() {
    }

    /** One error record line, every field Firehose writes, {@code \n}-terminated. */
    static String line(byte[] data, String errorCode) {
        ObjectNode n = JSON.createObjectNode();
        n.put("attemptsMade", 4);
        n.put("arrivalTimestamp", 1_795_000_000_000L);
        n.put("errorCode", errorCode);
        n.put("errorMessage", "The Lambda function was successfully invoked but it returned an error result.");
        n.put("attemptEndingTimestamp", 1_795_000_001_000L);
        n.put("rawData", Base64.getEncoder().encodeToString(data));
        n.put("lambdaArn", "arn:aws:lambda:us-east-1:000000000000:function:de-c1w4-transformation:live");
        return n.toString() + "\n";
    }

    static byte[] object(List<String> lines) {
        return String.join("", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** A session event whose JSON is about {@code bytes} long. */
    static byte[] session(String id, int bytes) {
        String head = "{\"session_id\":\"" + id + "\",\"customer_number\":103,\"city\":\"Nantes\",\"pad\":\"";
        String tail = "\"}";
        int pad = Math.max(0, bytes - head.length() - tail.length());
        return (head + "x".repeat(pad) + tail).getBytes(StandardCharsets.UTF_8);
    }

    /** Firehose's key for an object in this hour. */
    static String key(Instant hour, String name) {
        return PREFIX + HOUR.format(hour) + "de-c1w4-recommendations-1-" + name;
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
