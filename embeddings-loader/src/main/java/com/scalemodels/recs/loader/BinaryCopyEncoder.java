package com.scalemodels.recs.loader;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Writes rows in PostgreSQL's COPY BINARY format for (id, embedding): a signature header, then per row a field count,
 * the id (varchar as UTF-8 bytes, or int4) and the vector in pgvector's binary form (int16 dim, int16 unused,
 * dim × float32, all big-endian), then a trailer. Rows are packed into one reusable buffer that is handed to the
 * sink when full, so a million rows cost no allocation.
 */
final class BinaryCopyEncoder implements RowSink {

    /** Where the encoded bytes go: the COPY stream in production, memory or a file in tests and benchmarks. */
    @FunctionalInterface
    interface ByteSink {
        void write(byte[] bytes, int offset, int length) throws IOException, SQLException;
    }

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int BUFFER_BYTES = 1 << 18;

    private final IdKind kind;
    private final int dim;
    private final ByteSink sink;
    private final byte[] buf;
    private int pos;
    private long rows;

    BinaryCopyEncoder(IdKind kind, int dim, ByteSink sink) {
        this.kind = kind;
        this.dim = dim;
        this.sink = sink;
        // Largest row: 2 + (4 + 4*64 bytes of id) + (4 + 4 + 4*dim) bytes.
        this.buf = new byte[Math.max(BUFFER_BYTES, 2 + 4 + 4 * IdKind.MAX_ITEM_ID_CHARS + 8 + 4 * dim)];
        System.arraycopy(SIGNATURE, 0, buf, 0, SIGNATURE.length);
        pos = SIGNATURE.length;
        putInt(0); // flags
        putInt(0); // header extension length
    }

    @Override
    public void row(byte[] idBytes, int idLength, int intId, float[] vector) throws IOException, SQLException {
        int idBytesLength = kind == IdKind.ITEM ? idLength : 4;
        if (buf.length - pos < 2 + 4 + idBytesLength + 8 + 4 * dim) {
            flush();
        }
        putShort(2);
        putInt(idBytesLength);
        if (kind == IdKind.ITEM) {
            System.arraycopy(idBytes, 0, buf, pos, idLength);
            pos += idLength;
        } else {
            putInt(intId);
        }
        putInt(4 + 4 * dim);
        putShort(dim);
        putShort(0);
        for (int i = 0; i < dim; i++) {
            putInt(Float.floatToRawIntBits(vector[i]));
        }
        rows++;
    }

    /** Writes the trailer and hands over what is buffered. */
    void finish() throws IOException, SQLException {
        if (buf.length - pos < 2) {
            flush();
        }
        putShort(-1);
        flush();
    }

    long rows() {
        return rows;
    }

    private void flush() throws IOException, SQLException {
        if (pos > 0) {
            sink.write(buf, 0, pos);
            pos = 0;
        }
    }

    private void putShort(int v) {
        buf[pos] = (byte) (v >>> 8);
        buf[pos + 1] = (byte) v;
        pos += 2;
    }

    private void putInt(int v) {
        buf[pos] = (byte) (v >>> 24);
        buf[pos + 1] = (byte) (v >>> 16);
        buf[pos + 2] = (byte) (v >>> 8);
        buf[pos + 3] = (byte) v;
        pos += 4;
    }
}
