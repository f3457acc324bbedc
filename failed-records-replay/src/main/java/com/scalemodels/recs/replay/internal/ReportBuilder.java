package com.scalemodels.recs.replay.internal;

import com.scalemodels.recs.replay.Outcome;
import com.scalemodels.recs.replay.RecordProblem;
import com.scalemodels.recs.replay.ReplayReport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts as a replay goes, then the immutable {@link ReplayReport}. */
public final class ReportBuilder {

    private final String source;
    private final String destination;
    private final boolean dryRun;
    private final String range;
    private final Map<String, Long> byErrorCode = new TreeMap<>();
    private final Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
    private final Map<String, Long> skippedByReason = new TreeMap<>();
    private final Map<String, Long> failedByError = new TreeMap<>();
    private final List<RecordProblem> undecodable = new ArrayList<>();
    private final List<RecordProblem> oversize = new ArrayList<>();
    private final List<RecordProblem> unreadable = new ArrayList<>();
    private long notListed;
    long listed;
    long outsideRange;
    long alreadyDone;
    long selected;
    long completed;
    long notRead;
    private long calls;
    private long entriesRetried;
    private String stoppedBecause;

    public ReportBuilder(String source, String destination, boolean dryRun, String range) {
        this.source = source;
        this.destination = destination;
        this.dryRun = dryRun;
        this.range = range;
        for (Outcome o : Outcome.values()) {
            byOutcome.put(o, 0L);
        }
    }

    void errorCode(String code) {
        byErrorCode.merge(code, 1L, Long::sum);
    }

    void outcome(Outcome outcome) {
        byOutcome.merge(outcome, 1L, Long::sum);
    }

    void failed(String lastError) {
        outcome(Outcome.FAILED);
        failedByError.merge(lastError, 1L, Long::sum);
    }

    void skipped(String reason) {
        outcome(Outcome.SKIPPED);
        skippedByReason.merge(reason, 1L, Long::sum);
    }

    void undecodable(RecordProblem problem) {
        outcome(Outcome.UNDECODABLE);
        list(undecodable, problem);
    }

    void oversize(RecordProblem problem) {
        skipped(ReplayReport.SKIPPED_OVERSIZE);
        list(oversize, problem);
    }

    void unreadable(RecordProblem problem) {
        list(unreadable, problem);
    }

    private void list(List<RecordProblem> problems, RecordProblem problem) {
        if (problems.size() < ReplayReport.MAX_LISTED) {
            problems.add(problem);
        } else {
            notListed++;
        }
    }

    void call() {
        calls++;
    }

    void retried(int entries) {
        entriesRetried += entries;
    }

    void stopped(String reason) {
        stoppedBecause = reason;
    }

    String stoppedBecause() {
        return stoppedBecause;
    }

    public ReplayReport build(double seconds) {
        return new ReplayReport(source, destination, dryRun, range,
                new ReplayReport.ObjectCounts(listed, outsideRange, alreadyDone, selected, completed, notRead),
                byErrorCode, byOutcome, skippedByReason,
                new ReplayReport.PutCounts(calls, entriesRetried, failedByError), undecodable, oversize, unreadable,
                notListed, stoppedBecause, seconds);
    }
}
