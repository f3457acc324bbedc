package com.scalemodels.recs.logging.internal;

import com.scalemodels.recs.logging.EventMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.layout.AbstractStringLayout;
import org.apache.logging.log4j.message.Message;

/** The log4j2 side of {@link JsonLineWriter}: one schema line per event. */
public final class JsonLinesLayout extends AbstractStringLayout {

    private final JsonLineWriter writer;
    private final Map<String, String> fixedContext;

    public JsonLinesLayout(JsonLineWriter writer, Map<String, String> fixedContext) {
        super(StandardCharsets.UTF_8);
        this.writer = writer;
        this.fixedContext = Map.copyOf(fixedContext);
    }

    @Override
    public String toSerializable(LogEvent event) {
        Map<String, String> context = new LinkedHashMap<>(fixedContext);
        if (event.getContextData() != null) {
            context.putAll(event.getContextData().toMap());
        }
        Message message = event.getMessage();
        Iterable<Map.Entry<String, Object>> fields = message instanceof EventMessage m ? m.fields().entrySet() : null;
        return writer.line(event.getTimeMillis(), event.getLevel().name(), event.getLoggerName(),
                message == null ? "" : message.getFormattedMessage(), context, fields, error(event.getThrown()))
                + "\n";
    }

    private static JsonLineWriter.ErrorInfo error(Throwable thrown) {
        if (thrown == null) {
            return null;
        }
        StringWriter stack = new StringWriter();
        thrown.printStackTrace(new PrintWriter(stack));
        return new JsonLineWriter.ErrorInfo(thrown.getClass().getName(), thrown.getMessage(), stack.toString());
    }
}
