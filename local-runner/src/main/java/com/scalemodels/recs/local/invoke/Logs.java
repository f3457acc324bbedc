package com.scalemodels.recs.local.invoke;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard error of {@code invoke}: the functions' output byte for byte, whole lines at a time so that two
 * functions' lines never interleave; Lambda's START / END / REPORT lines, marked with the function's name; the
 * command's own notes, marked {@code [invoke]}.
 */
final class Logs {

    private final PrintStream err;

    Logs(PrintStream err) {
        this.err = err;
    }

    /** A Lambda platform line, marked with the function's name: two functions log here side by side. */
    void platform(String function, String line) {
        text("[" + function + "] " + line);
    }

    void note(String message) {
        text("[invoke] " + message);
    }

    private void text(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        line(bytes, bytes.length);
    }

    /** A stream for one process's output: each line goes to standard error when its line end arrives. */
    OutputStream functionOutput() {
        return new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                if (b == '\n') {
                    flushLine();
                } else {
                    pending.write(b);
                }
            }

            @Override
            public void close() {
                if (pending.size() > 0) {
                    flushLine();
                }
            }

            private void flushLine() {
                line(pending.toByteArray(), pending.size());
                pending.reset();
            }
        };
    }

    private void line(byte[] bytes, int length) {
        synchronized (err) {
            err.write(bytes, 0, length);
            err.write('\n');
            err.flush();
        }
    }
}
