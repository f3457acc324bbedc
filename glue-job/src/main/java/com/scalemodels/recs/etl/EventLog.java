package com.scalemodels.recs.etl;

import com.scalemodels.recs.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per event, tagged with the run id, through the slf4j/log4j2 that Spark ships (on Glue it lands
 * in CloudWatch). Only counts, names and timings go here: never customer data, never credentials.
 */
public final class EventLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.scalemodels.recs.etl.events");

    private final String runId;

    public EventLog(String runId) {
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }

    public void event(String event, Map<String, ?> fields) {
        LOG.info(line(event, fields));
    }

    public void error(String event, Map<String, ?> fields) {
        LOG.error(line(event, fields));
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

    String line(String event, Map<String, ?> fields) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("event", event);
        all.put("run_id", runId);
        all.putAll(fields);
        return Json.writeString(finite(all));
    }

    /** JSON has no NaN or infinity (Jackson would write them as strings): such a figure is logged as null. */
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
