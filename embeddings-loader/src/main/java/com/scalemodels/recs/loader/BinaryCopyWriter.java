package com.scalemodels.recs.loader;

import com.pgvector.PGvector;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Rows (id, embedding) in PostgreSQL's binary COPY format: a signature header, then per row a field count, the id
 * (varchar as UTF-8, or int4) and the vector in pgvector's binary form as pgvector-java writes it, then a trailer.
 * Rows are gathered into 64 KB chunks for the sink.
 */
final class BinaryCopyWriter implements RowSink {

    /** Where the bytes go: the COPY in a load, memory in tests. */
    @FunctionalInterface
    interface ByteSink {
        void write(byte[] bytes, int offset, int length) throws SQLException;
    }

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
        0, 0, 0, 0, /* flags */ 0, 0, 0, 0 /* header extension length */};
    private static final int CHUNK_BYTES = 1 << 16;

    private final IdKind kind;
    private final ByteSink sink;
    private final ByteBuffer buffer;

    BinaryCopyWriter(IdKind kind, int dim, ByteSink sink) {
        this.kind = kind;
        this.sink = sink;
        // Room for a chunk plus the largest row: field count, a 64-character id (4 bytes each at most), vector.
        int largestRow = 2 + 4 + 4 * IdKind.MAX_ITEM_ID_CHARS + 4 + 4 + 4 * dim;
        this.buffer = ByteBuffer.allocate(CHUNK_BYTES + largestRow).put(HEADER);
    }

    @Override
    public void row(String id, float[] vector) throws SQLException {
        buffer.putShort((short) 2);
        if (kind == IdKind.ITEM) {
            byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
            buffer.putInt(utf8.length).put(utf8);
        } else {
            buffer.putInt(4).putInt(Integer.parseInt(id));
        }
        PGvector embedding = new PGvector(vector);
        int length = embedding.lengthInBytes();
        buffer.putInt(length);
        embedding.toBytes(buffer.array(), buffer.position());
        buffer.position(buffer.position() + length);
        if (buffer.position() >= CHUNK_BYTES) {
            flush();
        }
    }

    /** Writes the trailer and hands over what is left. */
    void finish() throws SQLException {
        buffer.putShort((short) -1);
        flush();
    }

    private void flush() throws SQLException {
        sink.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
