package com.scalemodels.recs.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Keys of the log schema put in the logging context (slf4j MDC) of the current thread for a scope, written on every
 * line logged in it; {@link #close()} puts back what was there before, so scopes nest (the local runner answers an
 * inference request inside its transformation batch, with the same correlation id, and the batch's own lines after
 * it keep theirs).
 *
 * <pre>{@code try (LogContext run = LogContext.correlation(runId)) { … }}</pre>
 */
public final class LogContext implements AutoCloseable {

    /** The key joining the lines of one batch or run (root README, "Logs"). */
    public static final String CORRELATION_ID = "correlation_id";

    private final Map<String, String> previous = new LinkedHashMap<>();

    LogContext(Map<String, String> keys) {
        keys.forEach((key, value) -> {
            previous.put(key, MDC.get(key));
            put(key, value);
        });
    }

    /** {@code correlation_id} for the scope: a Firehose invocation id, a loader or replay run id. */
    public static LogContext correlation(String correlationId) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(CORRELATION_ID, correlationId);
        return new LogContext(keys);
    }

    @Override
    public void close() {
        previous.forEach(LogContext::put);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
