package com.scalemodels.recs.local.firehose;

import java.time.Duration;

/** Waits between processor retries. Injected so tests retry without sleeping. */
@FunctionalInterface
public interface Backoff {

    Backoff NONE = attempt -> { };

    /** Called after failed attempt number {@code attempt} (1-based), before the next one. */
    void pause(int attempt) throws InterruptedException;

    /** Doubling from {@code first}, capped at {@code max}: bounded, so a retried batch cannot stall the run. */
    static Backoff exponential(Duration first, Duration max) {
        return attempt -> {
            long millis = Math.min(max.toMillis(), first.toMillis() << Math.min(attempt - 1, 20));
            Thread.sleep(millis);
        };
    }
}
