package com.scalemodels.recs.replay.internal;

import com.scalemodels.recs.logging.LogContext;
import com.scalemodels.recs.replay.Backoff;
import com.scalemodels.recs.replay.Checkpoint;
import com.scalemodels.recs.replay.FailedRecordSource;
import com.scalemodels.recs.replay.Outcome;
import com.scalemodels.recs.replay.PutEntry;
import com.scalemodels.recs.replay.PutLimits;
import com.scalemodels.recs.replay.PutResult;
import com.scalemodels.recs.replay.RecordProblem;
import com.scalemodels.recs.replay.RecordSink;
import com.scalemodels.recs.replay.ReplayException;
import com.scalemodels.recs.replay.ReplayReport;
import com.scalemodels.recs.replay.ReplaySettings;
import com.scalemodels.recs.replay.SourceObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replay: select objects, read them in key order, decode each line, and put the records in calls within the
 * sink's limits; entries a call did not accept are retried alone, with backoff, up to the attempt limit. An object
 * goes to the checkpoint once its every record is settled and none failed. Single-threaded. Every line of a run
 * carries a fresh run id as {@code correlation_id}.
 */
public final class ReplayRun {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayRun.class);

    private final FailedRecordSource source;
    private final RecordSink sink;
    private final ReplaySettings settings;
    private final Backoff backoff;
    private final Checkpoint checkpoint;
    private final LongSupplier nanoTime;
    private final PutLimits limits;
    private final String destination;
    private final FailedRecordDecoder decoder = new FailedRecordDecoder();
    private final ReportBuilder report;
    private final PutBatch<Pending> batch;

    /** A record in a call, and the object it came from. */
    private record Pending(PutEntry entry, ObjectProgress owner) {
    }

    /** @param sink null only with --dry-run without a stream */
    public ReplayRun(FailedRecordSource source, RecordSink sink, ReplaySettings settings, Backoff backoff,
            Checkpoint checkpoint, LongSupplier nanoTime) {
        if (sink == null && !settings.dryRun()) {
            throw new IllegalArgumentException("a replay that writes needs a sink");
        }
        this.source = source;
        this.sink = sink;
        this.settings = settings;
        this.backoff = backoff;
        this.checkpoint = checkpoint;
        this.nanoTime = nanoTime;
        this.limits = sink == null ? PutLimits.KINESIS : sink.limits();
        this.destination = sink == null ? "(no stream)" : sink.destination();
        this.report = new ReportBuilder(source.location(), destination, settings.dryRun(),
                settings.range().describe());
        this.batch = new PutBatch<>(limits);
    }

    public ReplayReport run() {
        try (LogContext run = LogContext.correlation(UUID.randomUUID().toString())) {
            return replay();
        }
    }

    private ReplayReport replay() {
        long started = nanoTime.getAsLong();
        List<SourceObject> selected = select(source.list());
        LOG.atInfo().addKeyValue("event", "replay_started").addKeyValue("source", source.location())
                .addKeyValue("destination", destination).addKeyValue("dry_run", settings.dryRun())
                .addKeyValue("objects_selected", selected.size()).addKeyValue("objects_already_done", report.alreadyDone)
                .log("replay started");
        for (int i = 0; i < selected.size(); i++) {
            if (stopped()) {
                report.notRead = selected.size() - i;
                break;
            }
            read(selected.get(i));
        }
        flush();
        ReplayReport done = report.build((nanoTime.getAsLong() - started) / 1e9);
        LOG.atInfo().addKeyValue("event", "replay_done").addKeyValue("records_read", done.recordsRead())
                .addKeyValue("replayed", done.count(Outcome.REPLAYED))
                .addKeyValue("failed", done.count(Outcome.FAILED))
                .addKeyValue("undecodable", done.count(Outcome.UNDECODABLE))
                .addKeyValue("skipped", done.count(Outcome.SKIPPED))
                .addKeyValue("put_calls", done.puts().calls())
                .addKeyValue("entries_retried", done.puts().entriesRetried())
                .addKeyValue("objects_completed", done.objects().completed())
                .addKeyValue("exit_code", done.exitCode()).addKeyValue("seconds", done.seconds())
                .addKeyValue("duration_ms", Math.round(done.seconds() * 1000)).log("replay done");
        return done;
    }

    private List<SourceObject> select(List<SourceObject> listed) {
        report.listed = listed.size();
        List<SourceObject> selected = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        for (SourceObject o : listed) {
            Optional<Instant> hour = HourPartition.of(o.key());
            if (hour.isPresent()) {
                first = first == null || hour.get().isBefore(first) ? hour.get() : first;
                last = last == null || hour.get().isAfter(last) ? hour.get() : last;
            }
            if (settings.range().bounded() && (hour.isEmpty() || !settings.range().overlapsHour(hour.get()))) {
                report.outsideRange++;
            } else if (checkpoint.isDone(o.uri())) {
                report.alreadyDone++;
            } else {
                selected.add(o);
            }
        }
        report.selected = selected.size();
        if (selected.isEmpty() && report.alreadyDone == 0) {
            if (listed.isEmpty()) {
                throw ReplayException.source("--source: no objects under " + source.location() + " (Firehose writes"
                        + " them under <error_output_prefix>, here processing-failed/processing-failed/YYYY/MM/DD/HH/)",
                        null);
            }
            throw ReplayException.source("--from/--to: none of the " + listed.size() + " objects under "
                    + source.location() + " is in " + settings.range().describe()
                    + (first == null ? " (no key has a YYYY/MM/DD/HH/ folder)"
                            : " (their hour folders span " + first + " to " + last + ")"), null);
        }
        return selected;
    }

    private void read(SourceObject object) {
        ObjectProgress progress = new ObjectProgress(object);
        try (BufferedReader lines = ObjectInput.lines(source.open(object))) {
            String line;
            long n = 0;
            while (!stopped() && (line = lines.readLine()) != null) {
                n++;
                for (FailedRecordDecoder.Decoded d : decoder.decode(line)) {
                    handle(d, progress, n);
                }
            }
            progress.finishReading(!stopped());
        } catch (IOException | UncheckedIOException e) {
            report.unreadable(new RecordProblem(object.uri(), 0, e.getMessage()));
            LOG.atWarn().addKeyValue("event", "object_unreadable").addKeyValue("object", object.uri())
                    .addKeyValue("error", e.getMessage()).log("object could not be read");
            progress.finishReading(false);
        }
        maybeComplete(progress);
    }

    private void handle(FailedRecordDecoder.Decoded decoded, ObjectProgress progress, long line) {
        report.errorCode(decoded.errorCode());
        if (decoded instanceof FailedRecordDecoder.Undecodable u) {
            report.undecodable(new RecordProblem(progress.object().uri(), line, u.reason()));
            return;
        }
        FailedRecordDecoder.Record r = (FailedRecordDecoder.Record) decoded;
        if (!settings.accepts(r.errorCode())) {
            report.skipped(ReplayReport.SKIPPED_FILTERED);
            return;
        }
        PutEntry entry = new PutEntry(PartitionKeys.of(r.data()), r.data());
        long size = entry.size();
        if (size > limits.maxRecordBytes()) {
            report.oversize(new RecordProblem(progress.object().uri(), line, "data + partition key is " + size
                    + " bytes; a Kinesis record holds at most " + limits.maxRecordBytes()));
            return;
        }
        if (!batch.fits(size)) {
            flush();
        }
        progress.added();
        batch.add(new Pending(entry, progress), size);
    }

    /** Puts the batch; retries only the entries that failed retryably, until none is left or attempts run out. */
    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<Pending> todo = batch.drain();
        if (stopped()) {
            todo.forEach(p -> settle(p, Outcome.FAILED, "not sent: run stopped"));
            return;
        }
        report.call();
        if (settings.dryRun()) {
            todo.forEach(p -> settle(p, Outcome.WOULD_REPLAY, null));
            return;
        }
        for (int attempt = 1; ; attempt++) {
            List<PutResult> results;
            try {
                results = sink.put(todo.stream().map(Pending::entry).toList());
            } catch (ReplayException e) {
                stop(e.getMessage());
                todo.forEach(p -> settle(p, Outcome.FAILED, "not sent: run stopped"));
                return;
            }
            if (results.size() != todo.size()) {
                throw new IllegalStateException(results.size() + " results for " + todo.size() + " entries");
            }
            List<Pending> again = new ArrayList<>();
            String lastError = null;
            for (int i = 0; i < todo.size(); i++) {
                PutResult r = results.get(i);
                if (r.ok()) {
                    settle(todo.get(i), Outcome.REPLAYED, null);
                } else if (r.retryable() && attempt < settings.maxAttempts()) {
                    again.add(todo.get(i));
                    lastError = r.errorCode();
                } else {
                    settle(todo.get(i), Outcome.FAILED, r.errorCode());
                }
            }
            if (again.isEmpty()) {
                return;
            }
            report.retried(again.size());
            LOG.atWarn().addKeyValue("event", "put_retry").addKeyValue("attempt", attempt)
                    .addKeyValue("entries", todo.size()).addKeyValue("retrying", again.size())
                    .addKeyValue("error_code", lastError).log("retrying the entries the stream did not accept");
            try {
                backoff.pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop("interrupted");
                again.forEach(p -> settle(p, Outcome.FAILED, "not sent: interrupted"));
                return;
            }
            todo = again;
            report.call();
        }
    }

    private void settle(Pending p, Outcome outcome, String error) {
        if (outcome == Outcome.FAILED) {
            report.failed(error);
        } else {
            report.outcome(outcome);
        }
        p.owner().settled(outcome == Outcome.FAILED);
        maybeComplete(p.owner());
    }

    private void maybeComplete(ObjectProgress progress) {
        if (!progress.finished()) {
            return;
        }
        if (progress.clean() && !settings.dryRun()) {
            checkpoint.markDone(progress.object().uri());
            report.completed++;
        }
        LOG.atDebug().addKeyValue("event", "object_settled").addKeyValue("object", progress.object().uri())
                .addKeyValue("clean", progress.clean()).log("object settled");
    }

    private void stop(String reason) {
        if (report.stoppedBecause() == null) {
            report.stopped(reason);
            LOG.atError().addKeyValue("event", "replay_stopped").addKeyValue("reason", reason).log("replay stopped");
        }
    }

    private boolean stopped() {
        return report.stoppedBecause() != null;
    }
}
