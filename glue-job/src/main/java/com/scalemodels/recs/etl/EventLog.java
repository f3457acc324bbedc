package com.scalemodels.recs.etl;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.message.MapMessage;

/**
 * The job's events in the one log schema (root README, "Logs"), through the log4j2 that Spark and Glue ship:
 * {@link #install} gives this logger log4j's JSON template layout (log-event-template.json) with {@code service}
 * and the run id as {@code correlation_id}; each event is a map message whose entries become top-level fields.
 * Only counts, names and timings go here: never customer data, never credentials.
 */
public final class EventLog {

    static final String LOGGER = "com.scalemodels.recs.etl.events";
    private static final Logger LOG = LogManager.getLogger(LOGGER);

    private final String runId;

    public EventLog(String runId) {
        this.runId = runId;
    }

    /** Sends this logger's events, and only them, to stderr as schema lines tagged with {@code runId}. */
    public static EventLog install(String runId) {
        JsonEventAppender.install(LOGGER, runId);
        return new EventLog(runId);
    }

    public String runId() {
        return runId;
    }

    public void event(String event, Map<String, ?> fields) {
        LOG.log(Level.INFO, message(event, fields));
    }

    public void error(String event, Map<String, ?> fields) {
        LOG.log(Level.ERROR, message(event, fields));
    }

    /** Fields in the given order: {@code fields("rows", 3, "seconds", 1.5)}. */
    public static Map<String, Object> fields(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in key/value pairs");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    /** The sentence is the event name in words: the fields carry the figures. */
    static MapMessage<?, Object> message(String event, Map<String, ?> fields) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("message", event.replace('_', ' '));
        all.put("event", event);
        fields.forEach((key, value) -> all.put(key, finite(value)));
        return new MapMessage<>(all);
    }

    /** JSON has no NaN or infinity: such a figure is logged as null. */
    private static Object finite(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, finite(v)));
            return out;
        }
        boolean nonFinite = value instanceof Double d && !Double.isFinite(d)
                || value instanceof Float f && !Float.isFinite(f);
        return nonFinite ? null : value;
    }
}
