package com.scalemodels.recs.replay;

import java.util.List;

/** Where replayed records go: the Kinesis stream, or (local runner) the Firehose simulator. */
public interface RecordSink {

    /** What one put call may hold. */
    default PutLimits limits() {
        return PutLimits.KINESIS;
    }

    /** The destination, for reports. */
    String destination();

    /**
     * Puts the entries in one call (within {@link #limits()}). Answers one result per entry, in order; a call that
     * failed as a whole but may succeed later answers a retryable failure for every entry.
     *
     * @throws ReplayException (exit code {@link ExitCodes#STREAM}) when retrying cannot help: no such stream,
     *                         access denied
     */
    List<PutResult> put(List<PutEntry> entries);
}
