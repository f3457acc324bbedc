package com.scalemodels.recs.loader;

import java.nio.charset.StandardCharsets;

/**
 * Parses pgvector's text form {@code [f1,f2,…,fN]} (blanks allowed around values, as in Python's str(list)) into a
 * caller-owned float[] of the expected dimension. On failure {@link #error()} says what is wrong, quoting at most a
 * short piece of the input.
 */
final class VectorTextParser {

    private final int dim;
    private final float[] values;
    private final FloatParser floats = new FloatParser();
    private final FastVectorPath fastPath;
    private String error;

    VectorTextParser(int dim) {
        this.dim = dim;
        this.values = new float[dim];
        this.fastPath = new FastVectorPath(dim);
    }

    /** The parsed vector; valid after {@link #parse} returned true, overwritten by the next call. */
    float[] values() {
        return values;
    }

    String error() {
        return error;
    }

    /** Parses {@code b[from, to)}. */
    boolean parse(byte[] b, int from, int to) {
        error = null;
        if (fastPath.parse(b, from, to, values)) {
            return true;
        }
        return parseExact(b, from, to);
    }

    /** The general path: every accepted form, exact fallbacks, and a precise message for what is wrong. */
    private boolean parseExact(byte[] b, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && isBlank(b[start])) {
            start++;
        }
        while (end > start && isBlank(b[end - 1])) {
            end--;
        }
        if (end - start < 2 || b[start] != '[' || b[end - 1] != ']') {
            error = "malformed vector: expected text like [0.1,0.2,…], got " + excerpt(b, start, end);
            return false;
        }
        int i = start + 1;
        int close = end - 1;
        int count = 0;
        while (true) {
            int valueStart = i;
            while (i < close && b[i] != ',') {
                i++;
            }
            int s = valueStart;
            int e = i;
            while (s < e && isBlank(b[s])) {
                s++;
            }
            while (e > s && isBlank(b[e - 1])) {
                e--;
            }
            if (s == e) {
                if (count == 0 && i == close) {
                    error = "empty vector []";
                } else {
                    error = "malformed vector: empty value at position " + (count + 1);
                }
                return false;
            }
            int status = floats.parse(b, s, e);
            if (status == FloatParser.MALFORMED) {
                error = "malformed vector: value " + (count + 1) + " is not a number: " + excerpt(b, s, e);
                return false;
            }
            if (status == FloatParser.NOT_FINITE) {
                error = "value " + (count + 1) + " is not finite: " + excerpt(b, s, e);
                return false;
            }
            if (count < dim) {
                values[count] = floats.value();
            }
            count++;
            if (i == close) {
                break;
            }
            i++; // past the comma
        }
        if (count != dim) {
            error = "vector has " + count + " values, expected embedding_dim " + dim;
            return false;
        }
        return true;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    static String excerpt(byte[] b, int start, int end) {
        int n = Math.min(end - start, 40);
        String s = new String(b, start, n, StandardCharsets.UTF_8);
        return "'" + s + (end - start > n ? "…" : "") + "'";
    }
}
