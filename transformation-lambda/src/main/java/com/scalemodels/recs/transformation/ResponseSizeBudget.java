package com.scalemodels.recs.transformation;

/**
 * Keeps the serialized Firehose response under a byte limit, counting exactly what the runtime writes:
 * {@code {"records":[{"recordId":"…","result":"…","data":"<base64>"},…]}}.
 *
 * <p>The invariant that makes this always possible: every record is first reserved at its
 * {@code ProcessingFailed} size (its original bytes, base64), and that reservation is never larger than the
 * record's entry in the Firehose request (same id, same base64 data, and the request entry also carries
 * {@code approximateArrivalTimestamp} and, from Kinesis, {@code kinesisRecordMetadata}, both longer than
 * {@code "result":"ProcessingFailed"}). Firehose buffers at most 3 MB of raw data for a processor (≈ 4 MB of
 * request JSON), so the all-failed answer fits far below the limit. Enriched ({@code Ok}) records are then
 * admitted in input order while the total stays under the limit; the others stay {@code ProcessingFailed}.
 * Nothing is ever truncated or dropped. Not thread-safe: one {@link Tracker} per batch.
 */
public final class ResponseSizeBudget {

    /**
     * 6,000,000 bytes: Lambda's synchronous response limit is 6 MB (6,291,456 bytes); the 291,456 bytes left are
     * the safety margin for anything this count could miss.
     */
    public static final long DEFAULT_LIMIT_BYTES = 6_000_000;

    private static final int ENVELOPE = "{\"records\":[]}".length();
    private static final int ENTRY_FIXED = "{\"recordId\":\"\",\"result\":\"\",\"data\":\"\"}".length()
            + 1; // the comma between entries, counted for every entry: an upper bound

    private final long limitBytes;

    public ResponseSizeBudget(long limitBytes) {
        if (limitBytes <= ENVELOPE) {
            throw new IllegalArgumentException("limitBytes too small: " + limitBytes);
        }
        this.limitBytes = limitBytes;
    }

    public static ResponseSizeBudget standard() {
        return new ResponseSizeBudget(DEFAULT_LIMIT_BYTES);
    }

    public long limitBytes() {
        return limitBytes;
    }

    public Tracker newTracker() {
        return new Tracker();
    }

    /** Upper bound of one serialized response entry, comma included. */
    public static long entryBytes(String recordId, FirehoseResult result, int dataBytes) {
        return ENTRY_FIXED + jsonStringBytesUpperBound(recordId) + result.name().length() + base64Length(dataBytes);
    }

    public static long base64Length(long bytes) {
        return 4 * ((bytes + 2) / 3);
    }

    /**
     * UTF-8 bytes of a JSON string's content after escaping, bounded from above: anything outside printable ASCII
     * counts as a six-byte {@code \}{@code uXXXX} escape, which is at least what any UTF-8 encoding of it takes.
     */
    static long jsonStringBytesUpperBound(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x20 || c >= 0x7f || c == '"' || c == '\\' ? 6 : 1;
        }
        return n;
    }

    /** The running total of one response. */
    public final class Tracker {

        private long used = ENVELOPE;

        private Tracker() {
        }

        /** Reserves a record at its ProcessingFailed size; every record must be reserved before any upgrade. */
        public void reserveFailed(String recordId, int originalBytes) {
            used += entryBytes(recordId, FirehoseResult.ProcessingFailed, originalBytes);
        }

        /**
         * Turns a reserved record into an Ok record of {@code enrichedBytes} if the response stays within the limit.
         *
         * @return false when it does not fit; the reservation is then unchanged
         */
        public boolean tryUpgradeToOk(String recordId, int originalBytes, int enrichedBytes) {
            long delta = entryBytes(recordId, FirehoseResult.Ok, enrichedBytes)
                    - entryBytes(recordId, FirehoseResult.ProcessingFailed, originalBytes);
            if (used + delta > limitBytes) {
                return false;
            }
            used += delta;
            return true;
        }

        /** The all-failed answer exceeds the limit: impossible for a request Firehose can send (see class doc). */
        public boolean reservationsExceedLimit() {
            return used > limitBytes;
        }

        public long usedBytes() {
            return used;
        }
    }
}
