package com.scalemodels.recs.etl;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout.EventTemplateAdditionalField;

/**
 * Glue owns the log4j2 configuration of the job's JVM, so the job adds its JSON appender to its own logger at start
 * (not additive: Spark's and Glue's lines keep their format, the job's go only here). Stderr, as Spark's own console
 * logging: Glue 5.0 sends it to the job's {@code /error} log group, where Terraform's outputs and queries look.
 */
final class JsonEventAppender {

    static final String TEMPLATE = "classpath:com/scalemodels/recs/etl/log-event-template.json";

    private JsonEventAppender() {
    }

    static void install(String loggerName, String runId) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        JsonTemplateLayout layout = JsonTemplateLayout.newBuilder().setConfiguration(config)
                .setEventTemplateUri(TEMPLATE)
                .setEventTemplateAdditionalFields(new EventTemplateAdditionalField[] {
                    field("service", "glue-job"), field("correlation_id", runId)})
                .build();
        ConsoleAppender appender = ConsoleAppender.newBuilder().setName("recs-json-events").setConfiguration(config)
                .setTarget(ConsoleAppender.Target.SYSTEM_ERR).setFollow(true).setLayout(layout).build();
        appender.start();
        config.addAppender(appender);
        LoggerConfig logger = new LoggerConfig(loggerName, Level.INFO, false);
        logger.addAppender(appender, null, null);
        config.removeLogger(loggerName);
        config.addLogger(loggerName, logger);
        context.updateLoggers();
    }

    private static EventTemplateAdditionalField field(String key, String value) {
        return EventTemplateAdditionalField.newBuilder().setKey(key).setValue(value).build();
    }
}
