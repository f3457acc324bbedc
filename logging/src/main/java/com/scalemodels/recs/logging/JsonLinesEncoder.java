package com.scalemodels.recs.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.scalemodels.recs.logging.internal.JsonLineWriter;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * The logback encoder of the one log schema: one JSON object per line (see the module README). Configured in each
 * deployable's {@code logback.xml} with only the service name:
 *
 * <pre>{@code <encoder class="com.scalemodels.recs.logging.JsonLinesEncoder"><service>transformation</service></encoder>}</pre>
 *
 * MDC entries ({@link LambdaLogging}, {@link LogContext}) and slf4j key-value pairs
 * ({@code log.atInfo().addKeyValue("event", "batch_done")…}) become top-level fields, numbers and booleans typed.
 */
public final class JsonLinesEncoder extends EncoderBase<ILoggingEvent> {

    private String service;
    private JsonLineWriter writer;

    /** The deployable's name: {@code inference}, {@code transformation}, {@code embeddings-loader}, … */
    public void setService(String service) {
        this.service = service;
    }

    @Override
    public void start() {
        if (service == null || service.isBlank()) {
            addError("JsonLinesEncoder: <service> is required (the deployable's name); logging as \"unknown\"");
            service = "unknown";
        }
        writer = new JsonLineWriter(service.strip(), System.getenv());
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        List<Map.Entry<String, Object>> fields = null;
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null && !pairs.isEmpty()) {
            fields = new ArrayList<>(pairs.size());
            for (KeyValuePair pair : pairs) {
                fields.add(new AbstractMap.SimpleImmutableEntry<>(pair.key, pair.value));
            }
        }
        String line = writer.line(event.getTimeStamp(), event.getLevel().toString(), event.getLoggerName(),
                event.getFormattedMessage(), event.getMDCPropertyMap(), fields, error(event.getThrowableProxy()));
        return (line + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    private static JsonLineWriter.ErrorInfo error(IThrowableProxy proxy) {
        return proxy == null ? null
                : new JsonLineWriter.ErrorInfo(proxy.getClassName(), proxy.getMessage(),
                        ThrowableProxyUtil.asString(proxy));
    }
}
