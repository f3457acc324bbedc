package com.scalemodels.recs.transformation;

import com.scalemodels.recs.enrichment.EnrichedRecord;
import com.scalemodels.recs.enrichment.EnrichedRecordEncoder;
import com.scalemodels.recs.enrichment.ServedItems;
import com.scalemodels.recs.inference.contract.InferenceClient;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.contract.InferenceUnavailableException;
import com.scalemodels.recs.inference.contract.SessionResult;
import com.scalemodels.recs.session.DecodeResult;
import com.scalemodels.recs.session.SessionDecoder;
import com.scalemodels.recs.session.SessionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one Firehose batch into its response: decode every record, send all valid sessions to inference in one
 * call (more only when Lambda's payload limit demands it), write the enriched lines, and keep the response under
 * its size limit. Every input record is answered exactly once, in input order; duplicate record ids (Firehose
 * never sends them) are answered once per occurrence, in order. A bad record only fails itself; an inference
 * outage fails the whole batch with {@link InferenceUnavailableException}. Thread-safe; no per-batch state is
 * kept between calls.
 */
public final class FirehoseBatchProcessor {

    static final String RESPONSE_SIZE_LIMIT = "response size limit";

    private static final Logger log = LoggerFactory.getLogger(FirehoseBatchProcessor.class);

    private final InferenceClient inference;
    private final InferenceSettings settings;
    private final InferenceChunker chunker;
    private final ResponseSizeBudget budget;
    private final SessionDecoder decoder = new SessionDecoder();
    private final EnrichedRecordEncoder encoder = new EnrichedRecordEncoder();

    public FirehoseBatchProcessor(InferenceClient inference, InferenceSettings settings, InferenceChunker chunker,
            ResponseSizeBudget budget) {
        this.inference = Objects.requireNonNull(inference, "inference");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.chunker = Objects.requireNonNull(chunker, "chunker");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /** The standard chunk and response limits, asking for {@link InferenceSettings#DEFAULT}. */
    public static FirehoseBatchProcessor standard(InferenceClient inference) {
        return standard(inference, InferenceSettings.DEFAULT);
    }

    /** The standard chunk and response limits, asking for {@code settings} per session. */
    public static FirehoseBatchProcessor standard(InferenceClient inference, InferenceSettings settings) {
        return new FirehoseBatchProcessor(inference, settings, InferenceChunker.standard(settings),
                ResponseSizeBudget.standard());
    }

    /** The state of one record between the steps of a batch. */
    private static final class Pending {
        final InputRecord input;
        DecodeResult.Valid valid;
        SessionResult result;
        byte[] enriched;
        String failure;

        Pending(InputRecord input) {
            this.input = input;
        }
    }

    /** @throws InferenceUnavailableException when inference cannot answer; nothing of the batch is returned */
    public BatchResult process(String invocationId, List<InputRecord> records) {
        List<Pending> pending = new ArrayList<>(records.size());
        List<Pending> valid = new ArrayList<>();
        long bytesIn = 0;
        for (InputRecord record : records) {
            Pending p = new Pending(record);
            bytesIn += record.data().length;
            DecodeResult decoded = decoder.decode(record.data());
            if (decoded instanceof DecodeResult.Valid v) {
                p.valid = v;
                valid.add(p);
            } else {
                p.failure = ((DecodeResult.Rejected) decoded).reason();
            }
            pending.add(p);
        }

        long inferenceStart = System.nanoTime();
        int chunks = enrich(invocationId, valid);
        long inferenceLatencyMs = valid.isEmpty() ? 0 : (System.nanoTime() - inferenceStart) / 1_000_000;

        ResponseSizeBudget.Tracker tracker = budget.newTracker();
        for (Pending p : pending) {
            tracker.reserveFailed(p.input.recordId(), p.input.data().length);
        }
        if (tracker.reservationsExceedLimit()) {
            // Cannot happen for a request Firehose can send (see ResponseSizeBudget); answering anyway is still
            // the best we can do: the all-failed answer is no larger than the request Lambda accepted.
            log.atError().addKeyValue("event", "response_budget_exceeded")
                    .addKeyValue("reserved_bytes", tracker.usedBytes()).addKeyValue("limit_bytes", budget.limitBytes())
                    .log("response budget exceeded by original data alone");
        }

        List<FirehoseResponseRecord> out = new ArrayList<>(pending.size());
        List<String> reasons = new ArrayList<>(pending.size());
        int ok = 0;
        ServedItems served = new ServedItems();
        long bytesOut = 0;
        int overflow = 0;
        for (Pending p : pending) {
            String recordId = p.input.recordId();
            if (p.failure == null
                    && !tracker.tryUpgradeToOk(recordId, p.input.data().length, p.enriched.length)) {
                p.failure = RESPONSE_SIZE_LIMIT;
                overflow++;
            }
            if (p.failure != null) {
                // One line per record, whatever the reason: the saved query counts failed records by reason.
                log.atWarn().addKeyValue("event", "record_rejected").addKeyValue("record_id", recordId)
                        .addKeyValue("reason", p.failure).log("record processing failed");
            }
            if (p.failure == null) {
                out.add(FirehoseResponseRecord.ok(recordId, p.enriched));
                reasons.add(null);
                bytesOut += p.enriched.length;
                ok++;
                served.add(p.result.recommendedItems(), p.result.similarItems());
            } else {
                out.add(FirehoseResponseRecord.processingFailed(recordId, p.input.data()));
                reasons.add(p.failure);
                bytesOut += p.input.data().length;
            }
        }
        if (overflow > 0) {
            log.atWarn().addKeyValue("event", "response_size_limit").addKeyValue("records", overflow)
                    .addKeyValue("limit_bytes", budget.limitBytes())
                    .log("records processing failed: " + RESPONSE_SIZE_LIMIT);
        }
        BatchStats stats = new BatchStats(invocationId, new BatchStats.RecordCounts(records.size(), ok),
                new BatchStats.InferenceCalls(valid.size(), chunks, inferenceLatencyMs),
                new BatchStats.ByteCounts(bytesIn, bytesOut, tracker.usedBytes()), BatchStats.Served.of(served));
        return new BatchResult(new FirehoseResponse(out), reasons, stats);
    }

    /** Fills {@code enriched} or {@code failure} of every valid record; returns the number of invokes. */
    private int enrich(String invocationId, List<Pending> valid) {
        if (valid.isEmpty()) {
            return 0;
        }
        List<InferenceChunker.Item> items = new ArrayList<>(valid.size());
        for (Pending p : valid) {
            items.add(new InferenceChunker.Item(p.input.data().length, p.valid.event().sessionId()));
        }
        List<InferenceChunker.Chunk> plan = chunker.plan(items);
        for (int c = 0; c < plan.size(); c++) {
            InferenceChunker.Chunk chunk = plan.get(c);
            List<Pending> members = valid.subList(chunk.from(), chunk.to());
            List<SessionEvent> sessions = new ArrayList<>(members.size());
            members.forEach(p -> sessions.add(p.valid.event()));
            InferenceRequest request = new InferenceRequest(invocationId + "/" + c, settings.k(), settings.similarK(),
                    sessions);
            InferenceResponse response;
            try {
                response = inference.recommend(request).requireMatches(request);
            } catch (InferenceUnavailableException e) {
                throw new InferenceUnavailableException("Firehose invocation " + invocationId + " failed: inference "
                        + "unavailable for chunk " + (c + 1) + " of " + plan.size() + " (" + e.getMessage()
                        + "); Firehose retries the whole batch", e);
            }
            for (int i = 0; i < members.size(); i++) {
                Pending p = members.get(i);
                SessionResult result = response.results().get(i);
                if (result.hasError()) {
                    p.failure = "inference: " + result.error();
                } else {
                    p.result = result;
                    p.enriched = encodeOrFail(p, result, response.modelVersion());
                }
            }
        }
        return plan.size();
    }

    /** A record whose output cannot be written fails alone: failing the batch would fail it on every retry. */
    private byte[] encodeOrFail(Pending p, SessionResult result, String modelVersion) {
        try {
            return encoder.encode(new EnrichedRecord(p.valid.original(), result.recommendedItems(),
                    result.similarItems(), modelVersion));
        } catch (RuntimeException e) {
            p.failure = "output: cannot encode the enriched record (" + e.getClass().getSimpleName() + ")";
            return null;
        }
    }
}
