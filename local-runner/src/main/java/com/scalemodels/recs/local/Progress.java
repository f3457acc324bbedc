package com.scalemodels.recs.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The console view: one human line per step and outcome. Component logs go to the log file instead (logback),
 * so this is the only thing a user sees while the pipeline runs.
 */
public final class Progress {

    private final PrintStream out;
    private int step;
    private final int steps;

    public Progress(PrintStream out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    public void step(String title) {
        step++;
        out.printf(Locale.ROOT, "[%d/%d] %s%n", step, steps, title);
        out.flush();
    }

    public void detail(String format, Object... args) {
        out.printf(Locale.ROOT, "      " + format + "%n", args);
        out.flush();
    }

    public void done(Duration took, String format, Object... args) {
        out.printf(Locale.ROOT, "      ✓ " + format + " (%.1f s)%n", concat(args, took.toMillis() / 1000.0));
        out.flush();
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }

    private static Object[] concat(Object[] args, Object last) {
        Object[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
