package com.scalemodels.recs.replay;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** The wait between attempts at the entries that failed. Injected, so tests retry without sleeping. */
@FunctionalInterface
public interface Backoff {

    Backoff NONE = attempt -> { };

    /** Called after attempt number {@code attempt} (1-based) left entries to retry, before the next attempt. */
    void pause(int attempt) throws InterruptedException;

    /** Sleeps; a seam so tests can record the waits instead. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * Exponential with "equal jitter": the ceiling {@code min(cap, base × 2^(attempt-1))}, then a wait drawn
     * uniformly from its upper half. Bounded by {@code cap}; never less than half the ceiling, so a throttled stream
     * gets real relief; jittered, so parallel replays do not retry in lockstep.
     */
    static Backoff exponentialJitter(Duration base, Duration cap, RandomGenerator random, Sleeper sleeper) {
        return attempt -> sleeper.sleep(jitteredDelay(base, cap, attempt, random));
    }

    /** The wait {@link #exponentialJitter} sleeps before attempt {@code attempt + 1}. */
    static Duration jitteredDelay(Duration base, Duration cap, int attempt, RandomGenerator random) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(Math.max(attempt - 1, 0), 30));
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }
}
