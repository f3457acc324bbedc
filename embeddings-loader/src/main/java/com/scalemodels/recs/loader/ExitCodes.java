package com.scalemodels.recs.loader;

/** The CLI's exit codes; documented in --help and the README. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int INVALID_INPUT = 3;
    public static final int DATABASE_UNAVAILABLE = 4;
    public static final int STATE_CONFLICT = 5;
    public static final int QUALITY_GATE = 6;

    private ExitCodes() {
    }

    static int of(Throwable e) {
        if (e instanceof InvalidEmbeddingsException) {
            return INVALID_INPUT;
        }
        if (e instanceof DatabaseUnavailableException) {
            return DATABASE_UNAVAILABLE;
        }
        if (e instanceof QualityGateException) {
            return QUALITY_GATE;
        }
        if (e instanceof LoaderStateException) {
            return STATE_CONFLICT;
        }
        if (e instanceof com.scalemodels.recs.config.ConfigException) {
            return USAGE;
        }
        return FAILURE;
    }
}
