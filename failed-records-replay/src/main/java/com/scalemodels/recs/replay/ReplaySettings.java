package com.scalemodels.recs.replay;

import java.util.Set;
import java.util.TreeSet;

/**
 * What to replay and how.
 *
 * @param range       objects whose hour partition overlaps this range
 * @param errorCodes  replay only records with one of these {@code errorCode}s; empty: all
 * @param dryRun      read, decode and report; put nothing, write no checkpoint
 * @param maxAttempts attempts per record, the first included (1..100)
 */
public record ReplaySettings(TimeRange range, Set<String> errorCodes, boolean dryRun, int maxAttempts) {

    public static final int DEFAULT_MAX_ATTEMPTS = 8;

    public ReplaySettings {
        errorCodes = Set.copyOf(errorCodes);
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw ReplayException.usage("--max-attempts must be 1..100, got " + maxAttempts);
        }
    }

    public boolean accepts(String errorCode) {
        return errorCodes.isEmpty() || errorCodes.contains(errorCode);
    }

    /** What a checkpoint is valid for: the same destination and the same filter. */
    public String fingerprint(String destination) {
        return "destination=" + destination + " error-codes="
                + (errorCodes.isEmpty() ? "*" : String.join(",", new TreeSet<>(errorCodes)));
    }
}
