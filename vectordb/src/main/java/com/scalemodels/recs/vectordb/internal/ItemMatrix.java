package com.scalemodels.recs.vectordb.internal;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Item vectors laid out for exact top-k of many queries at once with SIMD (the JDK's Vector API, module
 * {@code jdk.incubator.vector}). Items come in groups of L (the CPU's float lanes), each group stored dimension by
 * dimension, so one load brings one dimension of L items and one fused multiply-add advances L dot products. The
 * scan takes four queries against two groups at a time (eight accumulators; each loaded item vector serves four
 * queries) over blocks of items small enough to stay in a core's L2 cache while every query passes over them:
 * unblocked, the scan is bound by memory bandwidth (docs/retrieval.md has the figures).
 *
 * <p>The only class that touches {@code jdk.incubator.vector}: load it only when that module is present.
 */
public final class ItemMatrix {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int BLOCK_BYTES = 256 * 1024;
    private static final int QUERIES_PER_PASS = 4;

    private final int rows;
    private final int dim;
    private final int lanes;
    private final int groups;
    private final int blockGroups;
    private final boolean normalized;
    private final float[] data;

    /**
     * @param rowMajor {@code rows × dim} floats, row after row (not kept)
     * @param normalize store each row divided by its length (for cosine similarity)
     */
    public ItemMatrix(float[] rowMajor, int rows, int dim, boolean normalize) {
        this.rows = rows;
        this.dim = dim;
        this.lanes = SPECIES.length();
        int g = (rows + lanes - 1) / lanes;
        this.groups = g + (g & 1);
        this.blockGroups = Math.max(2, (BLOCK_BYTES / (dim * lanes * Float.BYTES)) & ~1);
        this.normalized = normalize;
        this.data = new float[groups * dim * lanes];
        for (int r = 0; r < rows; r++) {
            float scale = normalize ? inverseLength(rowMajor, r * dim, dim) : 1f;
            int base = (r / lanes) * dim * lanes + r % lanes;
            for (int d = 0; d < dim; d++) {
                data[base + d * lanes] = rowMajor[r * dim + d] * scale;
            }
        }
    }

    /** The queries as {@link #scan} takes them: divided by their length when the rows were (cosine). */
    public float[][] queries(float[][] raw) {
        if (!normalized) {
            return raw;
        }
        float[][] out = new float[raw.length][];
        for (int q = 0; q < raw.length; q++) {
            float scale = inverseLength(raw[q], 0, raw[q].length);
            out[q] = new float[raw[q].length];
            for (int d = 0; d < out[q].length; d++) {
                out[q][d] = raw[q][d] * scale;
            }
        }
        return out;
    }

    /** Groups of items; scan ranges start and end at even group numbers. */
    public int groups() {
        return groups;
    }

    public long bytes() {
        return (long) data.length * Float.BYTES;
    }

    /** Pairs of query and item dot products one {@link #scan} of the whole matrix computes per query. */
    public long itemsPerQuery() {
        return (long) groups * lanes;
    }

    /**
     * Offers every item of groups {@code [from, to)} to each query's {@link TopK}, with the item's dot product with
     * the query, unless the query's sorted {@code excluded} rows hold it.
     *
     * @param queries as {@link #queries} made them
     */
    public void scan(float[][] queries, int[][] excluded, TopK[] tops, int from, int to) {
        float[] buffer = new float[2 * lanes];
        for (int block = from; block < to; block += blockGroups) {
            int blockEnd = Math.min(to, block + blockGroups);
            for (int q = 0; q < queries.length; q += QUERIES_PER_PASS) {
                scanFour(queries, excluded, tops, q, block, blockEnd, buffer);
            }
        }
    }

    private void scanFour(float[][] queries, int[][] excluded, TopK[] tops, int first, int from, int to,
            float[] buffer) {
        int n = queries.length;
        // Past the last query the pass repeats it with an infinite threshold: nothing is offered for those.
        float[] q0 = queries[first];
        float[] q1 = queries[Math.min(first + 1, n - 1)];
        float[] q2 = queries[Math.min(first + 2, n - 1)];
        float[] q3 = queries[Math.min(first + 3, n - 1)];
        float t0 = tops[first].threshold();
        float t1 = first + 1 < n ? tops[first + 1].threshold() : Float.POSITIVE_INFINITY;
        float t2 = first + 2 < n ? tops[first + 2].threshold() : Float.POSITIVE_INFINITY;
        float t3 = first + 3 < n ? tops[first + 3].threshold() : Float.POSITIVE_INFINITY;
        int stride = dim * lanes;
        for (int g = from; g < to; g += 2) {
            int base = g * stride;
            FloatVector a0 = FloatVector.zero(SPECIES);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            FloatVector b0 = a0;
            FloatVector b1 = a0;
            FloatVector b2 = a0;
            FloatVector b3 = a0;
            for (int d = 0; d < dim; d++) {
                FloatVector v = FloatVector.fromArray(SPECIES, data, base + d * lanes);
                FloatVector w = FloatVector.fromArray(SPECIES, data, base + stride + d * lanes);
                FloatVector c0 = FloatVector.broadcast(SPECIES, q0[d]);
                FloatVector c1 = FloatVector.broadcast(SPECIES, q1[d]);
                FloatVector c2 = FloatVector.broadcast(SPECIES, q2[d]);
                FloatVector c3 = FloatVector.broadcast(SPECIES, q3[d]);
                a0 = v.fma(c0, a0);
                a1 = v.fma(c1, a1);
                a2 = v.fma(c2, a2);
                a3 = v.fma(c3, a3);
                b0 = w.fma(c0, b0);
                b1 = w.fma(c1, b1);
                b2 = w.fma(c2, b2);
                b3 = w.fma(c3, b3);
            }
            // The lanes reach offer() through an array: a vector passed to a method C2 does not inline is boxed,
            // and the boxing spreads to the accumulators (a scan 3-4 times slower).
            if (a0.max(b0).compare(VectorOperators.GE, t0).anyTrue()) {
                a0.intoArray(buffer, 0);
                b0.intoArray(buffer, lanes);
                t0 = offer(buffer, g, excluded[first], tops[first]);
            }
            if (a1.max(b1).compare(VectorOperators.GE, t1).anyTrue()) {
                a1.intoArray(buffer, 0);
                b1.intoArray(buffer, lanes);
                t1 = offer(buffer, g, excluded[first + 1], tops[first + 1]);
            }
            if (a2.max(b2).compare(VectorOperators.GE, t2).anyTrue()) {
                a2.intoArray(buffer, 0);
                b2.intoArray(buffer, lanes);
                t2 = offer(buffer, g, excluded[first + 2], tops[first + 2]);
            }
            if (a3.max(b3).compare(VectorOperators.GE, t3).anyTrue()) {
                a3.intoArray(buffer, 0);
                b3.intoArray(buffer, lanes);
                t3 = offer(buffer, g, excluded[first + 3], tops[first + 3]);
            }
        }
    }

    /** Offers the scores of groups {@code group} and {@code group + 1}, copied into {@code buffer}. */
    private float offer(float[] buffer, int group, int[] excluded, TopK top) {
        int firstRow = group * lanes;
        float threshold = top.threshold();
        for (int i = 0; i < buffer.length; i++) {
            int row = firstRow + i;
            if (buffer[i] >= threshold && row < rows
                    && (excluded.length == 0 || Arrays.binarySearch(excluded, row) < 0)) {
                top.offer(row, buffer[i]);
                threshold = top.threshold();
            }
        }
        return threshold;
    }

    private static float inverseLength(float[] v, int offset, int dim) {
        double sum = 0;
        for (int d = 0; d < dim; d++) {
            sum += (double) v[offset + d] * v[offset + d];
        }
        return sum == 0 ? 0f : (float) (1.0 / Math.sqrt(sum));
    }
}
