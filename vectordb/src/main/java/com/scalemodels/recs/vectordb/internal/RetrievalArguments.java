package com.scalemodels.recs.vectordb.internal;

import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.json.Fields;
import com.scalemodels.recs.json.InvalidFieldException;
import com.scalemodels.recs.session.SessionLimits;
import java.util.List;
import java.util.Set;

/** The limits every {@code ItemRetrieval} enforces alike, with errors naming the field and the limit. */
public final class RetrievalArguments {

    /** Most ids excluded from one query: a session's whole browse history. */
    public static final int MAX_EXCLUDED = SessionLimits.MAX_BROWSE_HISTORY;
    /** Most query vectors or item ids in one call. */
    public static final int MAX_BATCH = 10_000;

    private RetrievalArguments() {
    }

    public static void checkK(int k) {
        if (k < 1 || k > InferenceRequest.MAX_K) {
            throw Fields.outOfRange("k", 1, InferenceRequest.MAX_K);
        }
    }

    public static void checkBatch(String field, int size) {
        if (size > MAX_BATCH) {
            throw new InvalidFieldException(field, size + " items exceeds the limit (limit " + MAX_BATCH + ")");
        }
    }

    /** Query vectors of the catalog's dimension, finite, with at most {@link #MAX_EXCLUDED} exclusions each. */
    public static void checkQueries(List<float[]> queries, List<Set<String>> excludeIds, int k, int dimension) {
        checkK(k);
        checkBatch("queries", queries.size());
        if (!excludeIds.isEmpty() && excludeIds.size() != queries.size()) {
            throw new InvalidFieldException("excludeIds", excludeIds.size() + " sets for " + queries.size()
                    + " queries");
        }
        for (int i = 0; i < queries.size(); i++) {
            float[] q = queries.get(i);
            if (q == null || q.length != dimension) {
                throw new InvalidFieldException("queries[" + i + "]", "dimension " + (q == null ? 0 : q.length)
                        + ", the embeddings have " + dimension);
            }
            for (float f : q) {
                if (!Float.isFinite(f)) {
                    throw new InvalidFieldException("queries[" + i + "]", "must be finite");
                }
            }
            int excluded = excludeIds.isEmpty() ? 0 : excludeIds.get(i).size();
            if (excluded > MAX_EXCLUDED) {
                throw new InvalidFieldException("excludeIds[" + i + "]", excluded + " items exceeds the limit (limit "
                        + MAX_EXCLUDED + ")");
            }
        }
    }
}
