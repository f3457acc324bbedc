package com.scalemodels.recs.testing;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Runs code with logback configured from a deployable's own configuration (its {@code logback.xml}, not the test
 * one) and captures what it prints on stdout and stderr, where the Lambda runtime and the CLIs send their log
 * lines; afterwards the test configuration is restored. Not for tests that run in parallel.
 */
public final class LogCapture {

    /** The code under test. */
    public interface Body {
        void run() throws Exception;
    }

    /** What was printed while the body ran. */
    public record Captured(String stdout, String stderr) {
    }

    private LogCapture() {
    }

    /** @param configResource a classpath resource, e.g. {@code logback.xml} (the main one; tests have logback-test.xml) */
    public static Captured run(String configResource, Body body) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        URL config = LogCapture.class.getClassLoader().getResource(configResource);
        if (config == null) {
            throw new IllegalArgumentException(configResource + " is not on the classpath");
        }
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            configure(context, config);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            body.run();
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            context.reset();
            new ContextInitializer(context).autoConfig();
        }
        return new Captured(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void configure(LoggerContext context, URL config) throws Exception {
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
    }
}
