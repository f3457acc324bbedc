package com.scalemodels.recs.replay;

import com.scalemodels.recs.replay.internal.ReplayRun;
import java.util.function.LongSupplier;

/**
 * Puts processing-failed records back on a stream: the library behind the CLI and the local runner's replay.
 * Reads the objects of a {@link FailedRecordSource} in key order, decodes each line's {@code rawData}, and puts the
 * records into a {@link RecordSink} in calls within its limits, retrying only the entries a call did not accept.
 * Delivery is at-least-once: see {@link Checkpoint}.
 */
public final class ReplayService {

    private final RecordSink sink;
    private final Backoff backoff;
    private final LongSupplier nanoTime;

    /** @param sink where records go; null for a dry run without a destination */
    public ReplayService(RecordSink sink, Backoff backoff, LongSupplier nanoTime) {
        this.sink = sink;
        this.backoff = backoff;
        this.nanoTime = nanoTime;
    }

    /**
     * @throws ReplayException (exit code {@link ExitCodes#SOURCE}) when the source cannot be listed or selects no
     *                         object; problems during the run are in the report instead
     */
    public ReplayReport replay(FailedRecordSource source, ReplaySettings settings, Checkpoint checkpoint) {
        return new ReplayRun(source, sink, settings, backoff, checkpoint, nanoTime).run();
    }
}
