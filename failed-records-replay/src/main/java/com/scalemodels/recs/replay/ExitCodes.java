package com.scalemodels.recs.replay;

/** The CLI's exit codes; documented in --help and the README. */
public final class ExitCodes {

    /** Every selected record was replayed (with --dry-run: read), or the checkpoint says all were done already. */
    public static final int OK = 0;
    public static final int FAILURE = 1;
    /** Bad option value, named in the message. Nothing was read or written. */
    public static final int USAGE = 2;
    /** The source cannot be read (no such bucket or folder, access denied) or selects no object. */
    public static final int SOURCE = 3;
    /** The stream cannot be written (no such stream, not active, access denied): the run stopped; see the report. */
    public static final int STREAM = 4;
    /** Some records still failed after the last retry: re-run with the same --checkpoint. */
    public static final int RECORDS_FAILED = 5;
    /** Everything replayable was replayed, but some records or objects cannot be (listed in the report). */
    public static final int RECORDS_UNREPLAYABLE = 6;

    private ExitCodes() {
    }
}
