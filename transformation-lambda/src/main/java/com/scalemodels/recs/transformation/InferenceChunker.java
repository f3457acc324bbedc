package com.scalemodels.recs.transformation;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the valid sessions of a batch into as few consecutive chunks as keep each inference invoke's request and
 * expected response under Lambda's 6 MB payload limit. Sizes are upper bounds, so a planned chunk never fails on
 * size; one chunk is the normal case.
 */
public final class InferenceChunker {

    /** Per invoke, request and response each: 5.5 MB, leaving ~790 KB of Lambda's 6 MiB for estimation error. */
    public static final long DEFAULT_MAX_CHUNK_BYTES = 5_500_000;

    /**
     * A session re-encoded from its typed view is never longer than its original bytes plus this: unknown fields
     * and whitespace are dropped and strings come out no longer than written, but absent optional fields come out
     * as {@code "city":null,"country":null,"credit_limit":null,} (47 bytes) and a credit limit's double text may
     * be up to 23 bytes longer than written ({@code 1e9} → {@code 1.0E9}); plus the separating comma.
     */
    static final int REQUEST_SESSION_SLACK_BYTES = 128;

    /** {@code {"request_id":"…","k":…,"similar_k":…,"sessions":[]}} and {@code {"model_version":"…","results":[]}}. */
    static final int ENVELOPE_BYTES = 1024;

    /**
     * One result without its items: {@code {"index":…,"session_id":"…","recommended_items":[],"similar_items":
     * {"product_code":"<seed>","similar_items":[]},"error":null},} is ~140 bytes plus the id and seed code.
     */
    static final int RESULT_OVERHEAD_BYTES = 256;

    /**
     * One item {@code {"product_code":"<code>","score":<double>},}: 29 bytes of syntax, at most 24 for the longest
     * double text ({@code -2.2250738585072014E-308}) and at most 15 for a catalog code (classicmodels
     * {@code productCode varchar(15)}): 68, rounded up. A typical item takes ~55.
     */
    static final int ITEM_BYTES = 72;

    private final long maxChunkBytes;
    private final InferenceSettings settings;

    public InferenceChunker(long maxChunkBytes, InferenceSettings settings) {
        if (maxChunkBytes <= ENVELOPE_BYTES) {
            throw new IllegalArgumentException("maxChunkBytes too small: " + maxChunkBytes);
        }
        this.maxChunkBytes = maxChunkBytes;
        this.settings = settings;
    }

    public static InferenceChunker standard(InferenceSettings settings) {
        return new InferenceChunker(DEFAULT_MAX_CHUNK_BYTES, settings);
    }

    /** Upper bound of a session's bytes in the request. */
    public static long requestBytes(int originalPayloadBytes) {
        return (long) originalPayloadBytes + REQUEST_SESSION_SLACK_BYTES;
    }

    /** Conservative estimate of a session's bytes in the response. */
    public long responseBytes(String sessionId) {
        return RESULT_OVERHEAD_BYTES + 6L * sessionId.length()
                + (long) ITEM_BYTES * (settings.k() + settings.similarK());
    }

    /** One session to place: its original payload size and its id. */
    public record Item(int originalPayloadBytes, String sessionId) {
    }

    /** A half-open range {@code [from, to)} of the items list. */
    public record Chunk(int from, int to) {
        public int size() {
            return to - from;
        }
    }

    public List<Chunk> plan(List<Item> items) {
        List<Chunk> chunks = new ArrayList<>();
        int from = 0;
        long request = ENVELOPE_BYTES;
        long response = ENVELOPE_BYTES;
        for (int i = 0; i < items.size(); i++) {
            long req = requestBytes(items.get(i).originalPayloadBytes());
            long resp = responseBytes(items.get(i).sessionId());
            // A lone session always gets its chunk: at most 64 KiB and k ≤ 100, it is far below the limit.
            if (i > from && (request + req > maxChunkBytes || response + resp > maxChunkBytes)) {
                chunks.add(new Chunk(from, i));
                from = i;
                request = ENVELOPE_BYTES;
                response = ENVELOPE_BYTES;
            }
            request += req;
            response += resp;
        }
        if (from < items.size()) {
            chunks.add(new Chunk(from, items.size()));
        }
        return chunks;
    }
}
