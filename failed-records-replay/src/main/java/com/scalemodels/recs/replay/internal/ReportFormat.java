package com.scalemodels.recs.replay.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalemodels.recs.json.Json;
import com.scalemodels.recs.replay.Outcome;
import com.scalemodels.recs.replay.RecordProblem;
import com.scalemodels.recs.replay.ReplayReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link ReplayReport} as a table for people and as JSON for machines. */
public final class ReportFormat {

    static final int TABLE_PROBLEMS = 20;

    private ReportFormat() {
    }

    public static String table(ReplayReport r) {
        StringBuilder t = new StringBuilder();
        ReplayReport.ObjectCounts o = r.objects();
        line(t, "Replay %s → %s%s", r.source(), r.destination(), r.dryRun() ? " (dry run: nothing written)" : "");
        line(t, "  time range     %s", r.range());
        line(t, "  objects        %d listed, %d outside the time range, %d already done (checkpoint), %d read,"
                + " %d completed%s", o.listed(), o.outsideRange(), o.alreadyDone(), o.selected() - o.notRead(),
                o.completed(), o.notRead() > 0 ? ", " + o.notRead() + " not read" : "");
        line(t, "  put calls      %d%s, %d entries retried", r.puts().calls(), r.dryRun() ? " (would be made)" : "",
                r.puts().entriesRetried());
        line(t, "  time           %.1f s", r.seconds());
        if (r.stoppedBecause() != null) {
            line(t, "  STOPPED        %s", r.stoppedBecause());
        }
        counts(t, "by errorCode", r.byErrorCode());
        t.append('\n');
        line(t, "  %-40s %10s", "by outcome", "records");
        for (Map.Entry<Outcome, Long> e : r.byOutcome().entrySet()) {
            if (e.getKey() == Outcome.WOULD_REPLAY && !r.dryRun() || e.getKey() == Outcome.REPLAYED && r.dryRun()) {
                continue;
            }
            line(t, "  %-40s %10d", e.getKey().label(), e.getValue());
            if (e.getKey() == Outcome.SKIPPED) {
                r.skippedByReason().forEach((reason, n) -> line(t, "    %-38s %10d", reason, n));
            }
            if (e.getKey() == Outcome.FAILED) {
                r.puts().failedByError().forEach((code, n) -> line(t, "    %-38s %10d", code, n));
            }
        }
        problems(t, "undecodable records", r.undecodable());
        problems(t, "records over the 1 MiB Kinesis limit (skipped)", r.oversize());
        problems(t, "objects that could not be read", r.unreadable());
        if (r.notListed() > 0) {
            line(t, "  (%d more problems counted but not listed)", r.notListed());
        }
        return t.toString();
    }

    private static void counts(StringBuilder t, String title, Map<String, Long> counts) {
        t.append('\n');
        line(t, "  %-40s %10s", title, "records");
        if (counts.isEmpty()) {
            line(t, "  %-40s %10d", "(none)", 0);
        }
        counts.forEach((k, n) -> line(t, "  %-40s %10d", k, n));
    }

    private static void problems(StringBuilder t, String title, List<RecordProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        t.append('\n');
        line(t, "  %s (%d%s):", title, problems.size(), problems.size() > TABLE_PROBLEMS
                ? ", first " + TABLE_PROBLEMS + "; all in --report-json" : "");
        for (RecordProblem p : problems.subList(0, Math.min(TABLE_PROBLEMS, problems.size()))) {
            line(t, "    %s%s  %s", p.object(), p.line() > 0 ? ":" + p.line() : "", p.reason());
        }
    }

    private static void line(StringBuilder t, String format, Object... args) {
        t.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** The report's fields in snake_case, plus {@code exit_code} and {@code records_read}; outcomes in lower case. */
    public static String json(ReplayReport r) {
        ObjectNode root = (ObjectNode) Json.tree(r);
        root.put("exit_code", r.exitCode());
        root.put("records_read", r.recordsRead());
        ObjectNode outcomes = root.putObject("by_outcome");
        r.byOutcome().forEach((k, n) -> outcomes.put(k.name().toLowerCase(Locale.ROOT), n));
        try {
            return Json.writer().withDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of strings and numbers", e);
        }
    }
}
