package com.scalemodels.recs.logging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.logging.log4j.message.Message;

/**
 * A log4j2 message carrying an event name and typed fields, which {@link Log4jJsonLines}' layout writes as
 * top-level keys like slf4j key-value pairs on the logback side. For code that logs through log4j2 directly (the
 * Glue job); elsewhere use slf4j's {@code addKeyValue}.
 */
public final class EventMessage implements Message {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final Map<String, Object> fields;

    /**
     * @param event the stable snake_case event name
     * @param text the human sentence ({@code message}); never customer data
     * @param fields counts, timings, names, in the order given
     */
    public EventMessage(String event, String text, Map<String, ?> fields) {
        this.text = Objects.requireNonNull(text, "text");
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("event", Objects.requireNonNull(event, "event"));
        all.putAll(fields);
        this.fields = Collections.unmodifiableMap(all);
    }

    /** The event name first, then the fields. */
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public String getFormattedMessage() {
        return text;
    }

    @Override
    public String getFormat() {
        return text;
    }

    @Override
    public Object[] getParameters() {
        return new Object[0];
    }

    @Override
    public Throwable getThrowable() {
        return null;
    }
}
