package com.scalemodels.recs.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills an {@code (id, embedding vector(N))} table by binary COPY, streamed in 1 MiB chunks (~1M rows/s here,
 * against ~0.2M for batched inserts): the fixtures of large catalogs for tests and benchmarks.
 */
public final class VectorCopy {

    private static final int CHUNK = 1 << 20;

    private VectorCopy() {
    }

    /**
     * @param table a table name, schema-qualified as needed (test code: never input)
     * @param id the binary form of row {@code i}'s id (UTF-8 for varchar, 4 bytes big-endian for integer)
     * @param vector row {@code i}'s embedding, {@code dim} floats
     */
    public static void copy(Connection connection, String table, int rows, int dim, IntFunction<byte[]> id,
            IntFunction<float[]> vector) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (id, embedding) FROM STDIN (FORMAT binary)");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(CHUNK);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeBytes("PGCOPY\n");
            out.write(new byte[] {(byte) 0xFF, '\r', '\n', 0});
            out.writeInt(0);
            out.writeInt(0);
            for (int i = 0; i < rows; i++) {
                byte[] idBytes = id.apply(i);
                float[] v = vector.apply(i);
                out.writeShort(2);
                out.writeInt(idBytes.length);
                out.write(idBytes);
                out.writeInt(4 + 4 * dim);
                out.writeShort(dim);
                out.writeShort(0);
                for (int d = 0; d < dim; d++) {
                    out.writeFloat(v[d]);
                }
                if (bytes.size() > CHUNK - 256) {
                    copy.writeToCopy(bytes.toByteArray(), 0, bytes.size());
                    bytes.reset();
                }
            }
            out.writeShort(-1);
            copy.writeToCopy(bytes.toByteArray(), 0, bytes.size());
            copy.endCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
