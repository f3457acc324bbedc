package com.scalemodels.recs.logging;

import com.scalemodels.recs.logging.internal.JsonLineWriter;
import com.scalemodels.recs.logging.internal.JsonLinesLayout;
import java.io.OutputStream;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.OutputStreamAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;

/**
 * The one log schema on log4j2, for the Glue job: Glue 5.0 and Spark bring their own log4j2 and its configuration,
 * which we do not control there, so the job adds its JSON-lines appender to its own logger at start. Spark's and
 * Glue's loggers keep their own format; the job's logger writes only the schema's lines.
 */
public final class Log4jJsonLines {

    static final String APPENDER = "recs-json-lines";

    private Log4jJsonLines() {
    }

    /**
     * Sends the events of {@code loggerName} (and below, INFO and up) as schema lines to {@code out}, and only there.
     *
     * @param correlationId written on every line of this process (the Glue job run id)
     */
    public static void install(String loggerName, String service, String correlationId, OutputStream out) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        JsonLinesLayout layout = new JsonLinesLayout(new JsonLineWriter(service, System.getenv()),
                Map.of(JsonLineWriter.CORRELATION_ID, correlationId));
        OutputStreamAppender appender = OutputStreamAppender.newBuilder().setName(APPENDER).setLayout(layout)
                .setTarget(out).build();
        appender.start();
        config.addAppender(appender);
        LoggerConfig logger = new LoggerConfig(loggerName, Level.INFO, false);
        logger.addAppender(appender, null, null);
        config.removeLogger(loggerName);
        config.addLogger(loggerName, logger);
        context.updateLoggers();
    }
}
