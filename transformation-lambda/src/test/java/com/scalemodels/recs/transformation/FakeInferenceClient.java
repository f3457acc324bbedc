package com.scalemodels.recs.transformation;

import com.scalemodels.recs.enrichment.Recommendation;
import com.scalemodels.recs.enrichment.SimilarItems;
import com.scalemodels.recs.inference.contract.InferenceClient;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.contract.InferenceUnavailableException;
import com.scalemodels.recs.inference.contract.SessionResult;
import com.scalemodels.recs.session.SessionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A deterministic stand-in for the inference function (a seam, not under test): item codes derive from the
 * customer number, history items are never recommended, the seed is the first seed candidate. It records every
 * request it answers.
 */
final class FakeInferenceClient implements InferenceClient {

    static final String MODEL_VERSION = "fake-model-2026-11-21";

    private final int itemsPerSession;
    private final int codeLength;
    private final Predicate<SessionEvent> failing;
    private final boolean unavailable;
    final List<InferenceRequest> requests = new CopyOnWriteArrayList<>();

    private FakeInferenceClient(int itemsPerSession, int codeLength, Predicate<SessionEvent> failing,
            boolean unavailable) {
        this.itemsPerSession = itemsPerSession;
        this.codeLength = codeLength;
        this.failing = failing;
        this.unavailable = unavailable;
    }

    /** Answers k recommendations and similar_k similar items per session, with catalog-like codes. */
    static FakeInferenceClient standard() {
        return new FakeInferenceClient(-1, 8, s -> false, false);
    }

    /** Answers {@code items} items of codes {@code codeLength} long, whatever k the request asks. */
    static FakeInferenceClient verbose(int items, int codeLength) {
        return new FakeInferenceClient(items, codeLength, s -> false, false);
    }

    /** Answers a per-session error for the sessions {@code failing} accepts. */
    static FakeInferenceClient failingFor(Predicate<SessionEvent> failing) {
        return new FakeInferenceClient(-1, 8, failing, false);
    }

    /** Cannot answer at all, as when the vector DB is down. */
    static FakeInferenceClient unavailable() {
        return new FakeInferenceClient(-1, 8, s -> false, true);
    }

    @Override
    public InferenceResponse recommend(InferenceRequest request) {
        requests.add(request);
        if (unavailable) {
            throw new InferenceUnavailableException("vector DB unreachable (connection refused)");
        }
        return answer(request);
    }

    InferenceResponse answer(InferenceRequest request) {
        List<SessionResult> results = new ArrayList<>(request.sessions().size());
        for (int i = 0; i < request.sessions().size(); i++) {
            SessionEvent s = request.sessions().get(i);
            if (failing.test(s)) {
                results.add(SessionResult.failed(i, s.sessionId(), "customer " + s.customerNumber()
                        + ": no user embedding"));
                continue;
            }
            int k = itemsPerSession < 0 ? request.k() : itemsPerSession;
            int similarK = itemsPerSession < 0 ? request.similarK() : itemsPerSession;
            List<Recommendation> recommended = items(s.customerNumber(), k, s.browsedProductCodes());
            SimilarItems similar = s.seedCandidates().isEmpty() ? null
                    : new SimilarItems(s.seedCandidates().get(0),
                            items(s.seedCandidates().get(0).hashCode(), similarK, Set.of()));
            results.add(SessionResult.ok(i, s.sessionId(), recommended, similar));
        }
        return new InferenceResponse(MODEL_VERSION, results);
    }

    private List<Recommendation> items(int seed, int count, Set<String> exclude) {
        List<Recommendation> items = new ArrayList<>(count);
        for (int j = 0; items.size() < count; j++) {
            String code = code(Math.floorMod(seed * 31 + j, 1000));
            if (!exclude.contains(code)) {
                items.add(new Recommendation(code, 1.0 - items.size() / 128.0));
            }
        }
        return items;
    }

    private String code(int n) {
        StringBuilder code = new StringBuilder("S").append(n / 100).append('_').append(1000 + n);
        while (code.length() < codeLength) {
            code.append('X');
        }
        return code.toString();
    }
}
