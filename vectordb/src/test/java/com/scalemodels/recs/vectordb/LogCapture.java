package com.scalemodels.recs.vectordb;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** The events one class logs while a test runs, with their key/value pairs. */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture(Class<?> source) {
        logger = (Logger) LoggerFactory.getLogger(source);
        appender.start();
        logger.addAppender(appender);
    }

    /** The key/value pairs of every event whose {@code event} field is the given name. */
    List<Map<String, String>> events(String name) {
        return appender.list.stream().map(LogCapture::fields).filter(f -> name.equals(f.get("event"))).toList();
    }

    /** Every message and value logged, for checks that a secret never appears. */
    String everything() {
        return appender.list.stream().map(e -> e.getFormattedMessage() + " " + fields(e))
                .collect(Collectors.joining("\n"));
    }

    private static Map<String, String> fields(ILoggingEvent e) {
        List<KeyValuePair> pairs = e.getKeyValuePairs() == null ? List.of() : e.getKeyValuePairs();
        return pairs.stream().collect(Collectors.toMap(p -> p.key, p -> String.valueOf(p.value), (a, b) -> b));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
