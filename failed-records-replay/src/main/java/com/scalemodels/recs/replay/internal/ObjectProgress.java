package com.scalemodels.recs.replay.internal;

import com.scalemodels.recs.replay.SourceObject;

/** How far one object is: its records in flight, whether it was read to the end, whether any record failed. */
final class ObjectProgress {

    private final SourceObject object;
    private int inFlight;
    private boolean readToEnd;
    private boolean readingDone;
    private boolean anyFailed;
    private boolean reported;

    ObjectProgress(SourceObject object) {
        this.object = object;
    }

    SourceObject object() {
        return object;
    }

    void added() {
        inFlight++;
    }

    void settled(boolean failed) {
        inFlight--;
        anyFailed |= failed;
    }

    /** @param toEnd false when reading stopped early (unreadable, or the run stopped) */
    void finishReading(boolean toEnd) {
        readingDone = true;
        readToEnd = toEnd;
    }

    /** True exactly once: when reading is over and no record is in flight any more. */
    boolean finished() {
        if (reported || !readingDone || inFlight > 0) {
            return false;
        }
        reported = true;
        return true;
    }

    /** Read to the end and nothing failed: the checkpoint may list it. */
    boolean clean() {
        return readToEnd && !anyFailed;
    }
}
