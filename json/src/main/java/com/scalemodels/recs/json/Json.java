package com.scalemodels.recs.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalemodels.recs.json.internal.ExactJsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The project's one JSON configuration. Everything the code reads (Kinesis records, inference requests and
 * responses, HTTP bodies, manifests, preprocessing files, secrets, its own output) goes through {@link #read}:
 * duplicate keys rejected, numbers kept exactly as written, invalid UTF-8 and trailing content rejected, errors
 * that name a position and never quote the input. Records are bound and written with snake_case names.
 * Everything here is thread-safe and configured once.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();
    private static final ExactJsonReader READER = new ExactJsonReader();

    private Json() {
    }

    /**
     * One JSON value, read strictly. Numbers keep their text ({@code 1e5}, {@code -0}, {@code 21000.0} are
     * written back as they came) and read like BigDecimal/BigInteger values.
     *
     * @throws InvalidFieldException {@code JSON: duplicate key at line 1, column 30}, {@code payload: not valid
     *     UTF-8}, …: safe to log, the input is never quoted
     */
    public static JsonNode read(byte[] utf8) {
        return READER.read(utf8);
    }

    /** {@link #read(byte[])} of a string. */
    public static JsonNode read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A record bound from snake_case JSON, read as strictly as {@link #read(byte[])}.
     *
     * @throws InvalidFieldException {@code JSON: not a <Type>} when the text or its shape does not fit
     */
    public static <T> T read(byte[] utf8, Class<T> type) {
        try {
            T value = MAPPER.readValue(utf8, type);
            if (value == null) {
                throw new InvalidFieldException("JSON", "not a " + type.getSimpleName() + " (null)");
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            // Jackson's message may quote the input: only the type of the failure is kept.
            throw new InvalidFieldException("JSON", "not a " + type.getSimpleName() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Compact UTF-8 JSON of a tree, a map or a record (snake_case names). */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * A map or record already in memory (an event the Lambda runtime decoded, a report) as a tree with the names
     * {@link #write(Object)} gives it, so {@link Fields} can check it like any other input.
     */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** {@link #write(Object)} as a string. */
    public static String writeString(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    /** The writer behind {@link #write(Object)}, for another layout ({@code writer().withDefaultPrettyPrinter()}). */
    public static ObjectWriter writer() {
        return MAPPER.writer();
    }

    /** A new, empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new, empty array node. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }
}
