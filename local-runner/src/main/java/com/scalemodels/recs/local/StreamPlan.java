package com.scalemodels.recs.local;

import java.time.Duration;

/**
 * How many sessions to send and how fast: a count as fast as possible, a count at a rate, or a rate for a
 * duration. {@code rate} is sessions per second, 0 for unpaced.
 */
public record StreamPlan(long sessions, Duration duration, double rate, double malformedShare, long seed) {

    public boolean paced() {
        return rate > 0;
    }

    /** The number of sessions this plan sends. */
    public long total() {
        return duration == null ? sessions : (long) Math.floor(duration.toMillis() / 1000.0 * rate);
    }
}
