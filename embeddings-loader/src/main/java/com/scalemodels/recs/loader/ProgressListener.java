package com.scalemodels.recs.loader;

/** Told how a long file read is going: every so many rows or seconds, and once at the end. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (file, rows, rowsPerSecond, done) -> { };

    void progress(String file, long rows, double rowsPerSecond, boolean done);
}
