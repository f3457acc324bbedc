package com.scalemodels.recs.logging.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one log schema, written: one JSON object per event, the standard keys first in a fixed order, then the
 * event's own fields. Both backends (logback for the Lambdas and CLIs, log4j2 for the Glue job) hand their events
 * to this class, so the two cannot drift apart. Thread-safe.
 */
public final class JsonLineWriter {

    public static final String TIMESTAMP = "timestamp";
    public static final String LEVEL = "level";
    public static final String MESSAGE = "message";
    public static final String LOGGER = "logger";
    public static final String SERVICE = "service";
    public static final String FUNCTION_NAME = "function_name";
    public static final String FUNCTION_VERSION = "function_version";
    public static final String FUNCTION_REQUEST_ID = "function_request_id";
    public static final String COLD_START = "cold_start";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String EVENT = "event";
    public static final String ERROR = "error";

    /** Written by the writer itself: an event field of the same name is dropped rather than duplicated. */
    private static final Set<String> RESERVED = Set.of(TIMESTAMP, LEVEL, MESSAGE, LOGGER, SERVICE, ERROR);

    /** Context keys written right after the fixed ones, in this order, when present. */
    private static final String[] CONTEXT_KEYS = {FUNCTION_NAME, FUNCTION_VERSION, FUNCTION_REQUEST_ID, COLD_START,
        CORRELATION_ID, EVENT};

    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();

    /** A logged throwable, as the backend describes it. */
    public record ErrorInfo(String name, String message, String stack) {
    }

    private final String service;
    private final Map<String, String> environmentContext;

    /**
     * @param service the deployable's name ({@code transformation}, {@code glue-job}, …)
     * @param environment read once for {@code AWS_LAMBDA_FUNCTION_NAME} / {@code AWS_LAMBDA_FUNCTION_VERSION}, which
     *     the Lambda runtime sets; lines outside Lambda have neither key
     */
    public JsonLineWriter(String service, Map<String, String> environment) {
        this.service = Objects.requireNonNull(service, "service");
        Map<String, String> fromEnvironment = new LinkedHashMap<>();
        putIfSet(fromEnvironment, FUNCTION_NAME, environment.get("AWS_LAMBDA_FUNCTION_NAME"));
        putIfSet(fromEnvironment, FUNCTION_VERSION, environment.get("AWS_LAMBDA_FUNCTION_VERSION"));
        this.environmentContext = Map.copyOf(fromEnvironment);
    }

    public String service() {
        return service;
    }

    /**
     * One line, without the trailing newline.
     *
     * @param context string context of the event (MDC / thread context): the invocation keys and the correlation id
     * @param fields the event's own typed fields (slf4j key-value pairs); they win over context keys of the same name
     * @param error the logged throwable, or null
     */
    public String line(long epochMillis, String level, String logger, String message, Map<String, String> context,
            Iterable<Map.Entry<String, Object>> fields, ErrorInfo error) {
        Map<String, Object> extra = new LinkedHashMap<>(environmentContext);
        if (context != null) {
            extra.putAll(context);
        }
        if (fields != null) {
            for (Map.Entry<String, Object> field : fields) {
                if (field.getKey() != null) {
                    extra.put(field.getKey(), field.getValue());
                }
            }
        }
        RESERVED.forEach(extra::remove);
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField(TIMESTAMP, MILLIS_UTC.format(Instant.ofEpochMilli(epochMillis)));
            g.writeStringField(LEVEL, level);
            g.writeStringField(MESSAGE, message == null ? "" : message);
            g.writeStringField(LOGGER, logger);
            g.writeStringField(SERVICE, service);
            for (String key : CONTEXT_KEYS) {
                if (extra.containsKey(key)) {
                    Object value = extra.remove(key);
                    g.writeFieldName(key);
                    if (COLD_START.equals(key) && value instanceof String text) {
                        g.writeBoolean(Boolean.parseBoolean(text));
                    } else {
                        writeValue(g, value);
                    }
                }
            }
            for (Map.Entry<String, Object> e : extra.entrySet()) {
                g.writeFieldName(e.getKey());
                writeValue(g, e.getValue());
            }
            if (error != null) {
                g.writeObjectFieldStart(ERROR);
                g.writeStringField("name", error.name());
                g.writeStringField("message", error.message());
                g.writeStringField("stack", error.stack());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Numbers and booleans stay typed; JSON has no NaN or infinity, so such a figure is written as null. */
    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull();
            }
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (value instanceof Optional<?> o) {
            writeValue(g, o.orElse(null));
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            g.writeStartArray();
            for (Object item : items) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Enum<?> e) {
            g.writeString(e.name());
        } else {
            g.writeString(value.toString());
        }
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
