package com.scalemodels.recs.local;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends every component's structured logs to {@code <out>/logs/pipeline.log} (JSON, one object per line) and
 * nothing to the console, which belongs to {@link Progress}. Done at run time because the file's place depends on
 * {@code --out}, and because the component jars each bring a logback.xml that logs JSON to stdout.
 */
final class PipelineLogging {

    static final String CONFIG = "local-runner-logback.xml";

    private PipelineLogging() {
    }

    static void toFile(Path logFile) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another slf4j backend (not ours): leave it alone
        }
        URL config = PipelineLogging.class.getClassLoader().getResource(CONFIG);
        if (config == null) {
            throw new IllegalStateException(CONFIG + " missing from the classpath");
        }
        context.reset();
        context.putProperty("recs.log.file", logFile.toAbsolutePath().toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging: " + e.getMessage(), e);
        }
    }
}
