package com.scalemodels.recs.vectordb.internal;

import com.pgvector.PGvector;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Reads {@code COPY (id, embedding) … TO STDOUT (FORMAT binary)} of an item table: PostgreSQL's binary COPY framing
 * around pgvector's binary {@code vector}, which pgvector-java decodes (the loader's {@code BinaryCopyWriter} encodes
 * it with the same library). Binary, because the text form of a million 32-dimension vectors is ten times the bytes
 * and every float must be parsed.
 */
public final class ItemCopyReader {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    /** The rows read: {@code ids[i]} has the vector {@code vectors[i*dim … (i+1)*dim)}. */
    public record Rows(String[] ids, float[] vectors) {
    }

    private ItemCopyReader() {
    }

    /**
     * @param expectedRows rows the table held when counted (the arrays start at that size and grow if needed)
     * @throws IOException on a truncated stream, a NULL, or a vector of another dimension than {@code dim}
     */
    public static Rows read(InputStream copy, int dim, long expectedRows) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(copy, 1 << 16));
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("not a binary COPY stream");
        }
        in.readInt(); // flags: no OIDs since PostgreSQL 12
        in.skipNBytes(in.readInt()); // header extension
        int capacity = (int) Math.max(16, Math.min(expectedRows, Integer.MAX_VALUE / Math.max(1, dim)));
        String[] ids = new String[capacity];
        float[] vectors = new float[capacity * dim];
        int rows = 0;
        byte[] field = new byte[64];
        PGvector embedding = new PGvector();
        while (true) {
            short fields = in.readShort();
            if (fields == -1) {
                break;
            }
            if (fields != 2) {
                throw new IOException("row " + rows + ": " + fields + " columns, expected id and embedding");
            }
            if (rows == ids.length) {
                ids = Arrays.copyOf(ids, rows * 2);
                vectors = Arrays.copyOf(vectors, rows * 2 * dim);
            }
            int idLength = fieldLength(in, rows, "id");
            field = room(field, idLength);
            in.readFully(field, 0, idLength);
            ids[rows] = new String(field, 0, idLength, StandardCharsets.UTF_8);
            int vectorLength = fieldLength(in, rows, "embedding");
            field = room(field, vectorLength);
            in.readFully(field, 0, vectorLength);
            float[] vector;
            try {
                embedding.setByteValue(field, 0);
                vector = embedding.toArray();
            } catch (SQLException | RuntimeException e) {
                throw new IOException("item " + ids[rows] + ": not a vector in pgvector's binary form", e);
            }
            if (vector.length != dim) {
                throw new IOException("item " + ids[rows] + ": embedding of dimension " + vector.length
                        + ", the model's is " + dim);
            }
            System.arraycopy(vector, 0, vectors, rows * dim, dim);
            rows++;
        }
        return new Rows(rows == ids.length ? ids : Arrays.copyOf(ids, rows),
                rows * dim == vectors.length ? vectors : Arrays.copyOf(vectors, rows * dim));
    }

    private static int fieldLength(DataInputStream in, int row, String column) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("row " + row + ": " + column + " is NULL");
        }
        return length;
    }

    private static byte[] room(byte[] buffer, int length) {
        return length <= buffer.length ? buffer : new byte[length];
    }
}
