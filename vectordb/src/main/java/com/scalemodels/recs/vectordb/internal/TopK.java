package com.scalemodels.recs.vectordb.internal;

/**
 * The best {@code k} rows seen so far for one query: a bounded min-heap whose root is the worst kept row. Order is
 * the brute force's: higher score first, then the smaller id, so ties resolve as pgvector's exact scan with
 * {@code ORDER BY d, id} does. Not thread-safe: one per query and thread.
 */
public final class TopK {

    private final int k;
    private final String[] ids;
    private final float[] scores;
    private final int[] rows;
    private int size;

    public TopK(int k, String[] ids) {
        this.k = k;
        this.ids = ids;
        this.scores = new float[k];
        this.rows = new int[k];
    }

    /** Scores below this cannot enter (ties may, by id); negative infinity until k rows are kept. */
    public float threshold() {
        return size < k ? Float.NEGATIVE_INFINITY : scores[0];
    }

    public void offer(int row, float score) {
        if (size < k) {
            scores[size] = score;
            rows[size] = row;
            siftUp(size++);
        } else if (worse(scores[0], rows[0], score, row)) {
            scores[0] = score;
            rows[0] = row;
            siftDown(0);
        }
    }

    public int size() {
        return size;
    }

    /** The kept rows, in no particular order. */
    public int row(int i) {
        return rows[i];
    }

    /** Whether (scoreA, rowA) ranks below (scoreB, rowB). */
    private boolean worse(float scoreA, int rowA, float scoreB, int rowB) {
        if (scoreA != scoreB) {
            return scoreA < scoreB;
        }
        return ids[rowA].compareTo(ids[rowB]) > 0;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(scores[i], rows[i], scores[parent], rows[parent])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && worse(scores[right], rows[right], scores[left], rows[left])) {
                worst = right;
            }
            if (!worse(scores[worst], rows[worst], scores[i], rows[i])) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        int r = rows[a];
        rows[a] = rows[b];
        rows[b] = r;
    }
}
