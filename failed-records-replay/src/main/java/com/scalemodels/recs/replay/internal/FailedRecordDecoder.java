package com.scalemodels.recs.replay.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Reads the lines Firehose writes under processing-failed/: one JSON object per line with {@code attemptsMade},
 * {@code arrivalTimestamp}, {@code errorCode}, {@code errorMessage}, {@code attemptEndingTimestamp}, {@code rawData}
 * (the original record, base64) and {@code lambdaArn}. Only {@code rawData} is needed; {@code errorCode} is counted
 * ({@code lastErrorCode}, the name in Firehose's other error outputs, is read when {@code errorCode} is absent).
 * Objects written back to back on one line are read one by one. Reasons never quote record data.
 */
public final class FailedRecordDecoder {

    /** errorCode of a line that is not JSON at all. */
    public static final String NOT_JSON = "(not JSON)";
    /** errorCode of a JSON record without one. */
    public static final String NO_ERROR_CODE = "(no errorCode)";

    private static final int MAX_REASON = 160;

    /** One record of a line: its original bytes, or why they cannot be had. */
    public sealed interface Decoded permits Record, Undecodable {
        String errorCode();
    }

    public record Record(String errorCode, byte[] data) implements Decoded {
    }

    public record Undecodable(String errorCode, String reason) implements Decoded {
    }

    // Not the project's Json reader: a line of Firehose output may hold several concatenated objects, read here
    // one after another from one streaming parser, and a record that is not JSON is reported, not thrown.
    private final ObjectMapper json = new ObjectMapper();

    /** The records of one line; none for a blank line. */
    public List<Decoded> decode(String line) {
        if (line.isBlank()) {
            return List.of();
        }
        List<Decoded> out = new ArrayList<>(1);
        try (JsonParser parser = json.createParser(line)) {
            for (JsonNode node = json.readTree(parser); node != null; node = json.readTree(parser)) {
                out.add(decode(node));
            }
        } catch (JsonProcessingException e) {
            // The parser's message may quote the offending token, which is record data: give the place only.
            out.add(new Undecodable(NOT_JSON, e.getLocation() == null ? "not JSON"
                    : "not JSON (column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            out.add(new Undecodable(NOT_JSON, "not JSON"));
        }
        return out;
    }

    private static Decoded decode(JsonNode node) {
        if (!node.isObject()) {
            return new Undecodable(NOT_JSON, "not a JSON object but " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        String errorCode = text(node, "errorCode");
        if (errorCode == null) {
            errorCode = text(node, "lastErrorCode");
        }
        if (errorCode == null) {
            errorCode = NO_ERROR_CODE;
        }
        JsonNode raw = node.get("rawData");
        if (raw == null || raw.isNull()) {
            return new Undecodable(errorCode, "no rawData field");
        }
        if (!raw.isTextual()) {
            return new Undecodable(errorCode, "rawData is not a string");
        }
        try {
            return new Record(errorCode, Base64.getDecoder().decode(raw.textValue()));
        } catch (IllegalArgumentException e) {
            return new Undecodable(errorCode, "rawData is not valid base64: " + shorten(e.getMessage()));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.textValue().isBlank() ? v.textValue() : null;
    }

    private static String shorten(String message) {
        String m = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return m.length() <= MAX_REASON ? m : m.substring(0, MAX_REASON) + "…";
    }
}
