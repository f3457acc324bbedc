package com.scalemodels.recs.replay;

/** A problem the operator can fix, with the exit code it maps to and a message naming the option concerned. */
public final class ReplayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private ReplayException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static ReplayException usage(String message) {
        return new ReplayException(ExitCodes.USAGE, message, null);
    }

    public static ReplayException source(String message, Throwable cause) {
        return new ReplayException(ExitCodes.SOURCE, message, cause);
    }

    public static ReplayException stream(String message, Throwable cause) {
        return new ReplayException(ExitCodes.STREAM, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
