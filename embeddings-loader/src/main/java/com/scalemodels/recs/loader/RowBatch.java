package com.scalemodels.recs.loader;

import java.util.Arrays;

/**
 * Up to {@value #ROWS} rows of one CSV as the reading thread checked them (line, CSV/id problem, id) with their
 * vector text, then the vectors as a parse worker converted them. Reused: the arrays grow once and stay.
 */
final class RowBatch {

    static final int ROWS = 1024;

    private final int dim;
    private final VectorTextParser parser;
    private int size;
    private final long[] lines = new long[ROWS];
    /** A CSV, field-count or id problem of the row, or null. */
    private final String[] rowProblems = new String[ROWS];
    /** False when the row had no vector field to parse (malformed CSV, wrong field count). */
    private final boolean[] hasVector = new boolean[ROWS];
    private final int[] intIds = new int[ROWS];
    private final int[] idEnds = new int[ROWS];
    private final int[] textEnds = new int[ROWS];
    private byte[] ids = new byte[ROWS * 16];
    private byte[] text = new byte[ROWS * 64];
    private final float[] vectors;
    private final String[] vectorProblems = new String[ROWS];

    RowBatch(int dim) {
        this.dim = dim;
        this.parser = new VectorTextParser(dim);
        this.vectors = new float[ROWS * dim];
    }

    RowBatch clear() {
        size = 0;
        return this;
    }

    boolean isFull() {
        return size == ROWS;
    }

    int size() {
        return size;
    }

    /** A row that could not be split into id and vector. */
    void addRejected(long line, String problem) {
        add(line, problem, false, null, 0, 0, null, 0);
    }

    /** A row with an id (bytes for items, {@code intId} for users) and vector text; {@code idProblem} may be null. */
    void add(long line, String idProblem, byte[] id, int idLength, int intId, byte[] vectorText, int textLength) {
        add(line, idProblem, true, id, idLength, intId, vectorText, textLength);
    }

    private void add(long line, String problem, boolean vector, byte[] id, int idLength, int intId,
            byte[] vectorText, int textLength) {
        int r = size++;
        lines[r] = line;
        rowProblems[r] = problem;
        hasVector[r] = vector;
        intIds[r] = intId;
        int idStart = idStart(r);
        if (idStart + idLength > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idStart + idLength));
        }
        if (idLength > 0) {
            System.arraycopy(id, 0, ids, idStart, idLength);
        }
        idEnds[r] = idStart + idLength;
        int textStart = textStart(r);
        if (textStart + textLength > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textStart + textLength));
        }
        if (textLength > 0) {
            System.arraycopy(vectorText, 0, text, textStart, textLength);
        }
        textEnds[r] = textStart + textLength;
    }

    /** The worker's part: converts every vector text of the batch. */
    RowBatch parseVectors() {
        for (int r = 0; r < size; r++) {
            vectorProblems[r] = null;
            if (hasVector[r]) {
                if (parser.parse(text, textStart(r), textEnds[r])) {
                    System.arraycopy(parser.values(), 0, vectors, r * dim, dim);
                } else {
                    vectorProblems[r] = parser.error();
                }
            }
        }
        return this;
    }

    long line(int r) {
        return lines[r];
    }

    String rowProblem(int r) {
        return rowProblems[r];
    }

    boolean hasVector(int r) {
        return hasVector[r];
    }

    String vectorProblem(int r) {
        return vectorProblems[r];
    }

    int intId(int r) {
        return intIds[r];
    }

    /** Copies the row's id bytes to {@code target} and returns their length. */
    int copyId(int r, byte[] target) {
        int start = idStart(r);
        System.arraycopy(ids, start, target, 0, idEnds[r] - start);
        return idEnds[r] - start;
    }

    void copyVector(int r, float[] target) {
        System.arraycopy(vectors, r * dim, target, 0, dim);
    }

    private int idStart(int r) {
        return r == 0 ? 0 : idEnds[r - 1];
    }

    private int textStart(int r) {
        return r == 0 ? 0 : textEnds[r - 1];
    }
}
