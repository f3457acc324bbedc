package com.scalemodels.recs.replay;

import com.scalemodels.recs.replay.internal.ReportFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a replay did: every record read counted once under {@link #byOutcome()}, and under {@link #byErrorCode()} by
 * the {@code errorCode} Firehose gave it. Built by the replay; rendered with {@link #table()} and {@link #json()}.
 *
 * @param range            the time range, described
 * @param objects          objects listed, selected, skipped and completed
 * @param byErrorCode      records by Firehose's errorCode (sorted)
 * @param byOutcome        records by outcome (every outcome present)
 * @param skippedByReason  the {@link Outcome#SKIPPED} records by reason
 * @param puts             put calls, retries, and the final error of records that failed
 * @param undecodable      records that cannot be decoded, where and why (at most {@link #MAX_LISTED})
 * @param oversize         records too large for one Kinesis record (at most {@link #MAX_LISTED})
 * @param unreadable       objects that could not be read (at most {@link #MAX_LISTED})
 * @param notListed        problems beyond {@link #MAX_LISTED} per list, counted but not listed
 * @param stoppedBecause   why the run stopped before the end, or null
 */
public record ReplayReport(String source, String destination, boolean dryRun, String range, ObjectCounts objects,
        Map<String, Long> byErrorCode, Map<Outcome, Long> byOutcome, Map<String, Long> skippedByReason,
        PutCounts puts, List<RecordProblem> undecodable, List<RecordProblem> oversize,
        List<RecordProblem> unreadable, long notListed, String stoppedBecause, double seconds) {

    public static final int MAX_LISTED = 1000;
    public static final String SKIPPED_OVERSIZE = "over the 1 MiB record limit";
    public static final String SKIPPED_FILTERED = "errorCode not in --error-code";

    /**
     * @param listed       objects under the source location
     * @param outsideRange listed objects outside the time range (or without an hour folder while one is given)
     * @param alreadyDone  objects the checkpoint lists as done
     * @param selected     objects to read in this run
     * @param completed    objects whose every record is on the stream or cannot ever be (written to the checkpoint)
     * @param notRead      selected objects not read because the run stopped
     */
    public record ObjectCounts(long listed, long outsideRange, long alreadyDone, long selected, long completed,
            long notRead) {
    }

    /**
     * @param calls          put calls made (with --dry-run: that would be made)
     * @param entriesRetried entries sent again after a retryable failure, counted once per retry
     * @param failedByError  records that failed for good, by their last error code
     */
    public record PutCounts(long calls, long entriesRetried, Map<String, Long> failedByError) {
        public PutCounts {
            failedByError = sorted(failedByError);
        }
    }

    public ReplayReport {
        byErrorCode = sorted(byErrorCode);
        EnumMap<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            outcomes.put(o, byOutcome.getOrDefault(o, 0L));
        }
        byOutcome = Collections.unmodifiableMap(outcomes);
        skippedByReason = sorted(skippedByReason);
        undecodable = List.copyOf(undecodable);
        oversize = List.copyOf(oversize);
        unreadable = List.copyOf(unreadable);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }

    public long count(Outcome outcome) {
        return byOutcome.getOrDefault(outcome, 0L);
    }

    public long recordsRead() {
        return byOutcome.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@link ExitCodes}: stopped → STREAM; records failed → RECORDS_FAILED; anything unreplayable → RECORDS_UNREPLAYABLE. */
    public int exitCode() {
        if (stoppedBecause != null) {
            return ExitCodes.STREAM;
        }
        if (count(Outcome.FAILED) > 0) {
            return ExitCodes.RECORDS_FAILED;
        }
        if (count(Outcome.UNDECODABLE) > 0 || skippedByReason.getOrDefault(SKIPPED_OVERSIZE, 0L) > 0
                || !unreadable.isEmpty()) {
            return ExitCodes.RECORDS_UNREPLAYABLE;
        }
        return ExitCodes.OK;
    }

    /** For people: counts, then the problems (the first 20 of each list). */
    public String table() {
        return ReportFormat.table(this);
    }

    /** For machines (--report-json): every field, problems listed up to {@link #MAX_LISTED} each. */
    public String json() {
        return ReportFormat.json(this);
    }
}
