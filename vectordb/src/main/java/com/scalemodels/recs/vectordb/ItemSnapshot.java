package com.scalemodels.recs.vectordb;

import java.util.Optional;

/**
 * The live item table as one transaction saw it: its model version, its size, and (unless it was over the size
 * asked for) every row. Row {@code i} is {@code ids[i]} with the embedding
 * {@code vectors[i * dimension … (i + 1) * dimension)}.
 */
public final class ItemSnapshot {

    private final String modelVersion;
    private final int dimension;
    private final long rows;
    private final String[] ids;
    private final float[] vectors;

    private ItemSnapshot(String modelVersion, int dimension, long rows, String[] ids, float[] vectors) {
        this.modelVersion = modelVersion;
        this.dimension = dimension;
        this.rows = rows;
        this.ids = ids;
        this.vectors = vectors;
    }

    /** A copy of every row. The arrays are taken, not copied. */
    public static ItemSnapshot of(String modelVersion, int dimension, String[] ids, float[] vectors) {
        if (dimension < 1 || vectors.length != (long) ids.length * dimension) {
            throw new IllegalArgumentException(vectors.length + " floats for " + ids.length + " ids of dimension "
                    + dimension);
        }
        return new ItemSnapshot(modelVersion, dimension, ids.length, ids, vectors);
    }

    /** Only the size: the table held more rows than the copy was allowed. */
    static ItemSnapshot sizeOnly(String modelVersion, int dimension, long rows) {
        return new ItemSnapshot(modelVersion, dimension, rows, null, null);
    }

    /** The version {@code embedding_live_version} named in the same transaction; empty without bookkeeping. */
    public Optional<String> modelVersion() {
        return Optional.ofNullable(modelVersion);
    }

    public int dimension() {
        return dimension;
    }

    public long rows() {
        return rows;
    }

    /** Whether the rows were copied (false when the table was over the size asked for). */
    public boolean copied() {
        return ids != null;
    }

    String[] ids() {
        return ids;
    }

    float[] vectors() {
        return vectors;
    }
}
