package com.scalemodels.recs.logging;

import com.scalemodels.recs.logging.internal.JsonLineWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Keys put in the logging context (slf4j MDC) of the current thread for a scope, written on every line logged in
 * it; {@link #close()} puts back what was there before, so scopes nest (the local runner's inference call runs
 * inside its transformation batch, with the same correlation id).
 *
 * <pre>{@code try (LogContext run = LogContext.correlation(runId)) { … }}</pre>
 */
public final class LogContext implements AutoCloseable {

    private final Map<String, String> previous = new LinkedHashMap<>();

    private LogContext(Map<String, String> keys) {
        keys.forEach((key, value) -> {
            previous.put(key, MDC.get(key));
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }

    /** {@code correlation_id} for the scope: a Firehose invocation id, a loader or replay run id, a Glue run id. */
    public static LogContext correlation(String correlationId) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(JsonLineWriter.CORRELATION_ID, correlationId);
        return new LogContext(keys);
    }

    static LogContext of(Map<String, String> keys) {
        return new LogContext(keys);
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
