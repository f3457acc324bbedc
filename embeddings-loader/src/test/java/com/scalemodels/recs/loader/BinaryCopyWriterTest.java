package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;

import com.pgvector.PGvector;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The PGCOPY framing around the rows; that the server takes them is checked by every IT that loads. */
class BinaryCopyWriterTest {

    @Test
    void writesPgcopyHeaderRowsInPgvectorBinaryFormAndTrailer() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryCopyWriter writer = new BinaryCopyWriter(IdKind.ITEM, 2, out::write);
        writer.row("S10_é", new float[] {1.5f, -2f});
        writer.finish();
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray());
        byte[] signature = new byte[11];
        b.get(signature);
        assertThat(signature).containsExactly('P', 'G', 'C', 'O', 'P', 'Y', '\n', 0xFF, '\r', '\n', 0);
        assertThat(b.getInt()).isZero();
        assertThat(b.getInt()).isZero();
        assertThat(b.getShort()).isEqualTo((short) 2);
        byte[] idOut = new byte[b.getInt()];
        b.get(idOut);
        assertThat(new String(idOut, StandardCharsets.UTF_8)).isEqualTo("S10_é");
        byte[] vector = new byte[b.getInt()];
        b.get(vector);
        assertThat(vector).hasSize(4 + 8);
        assertThat(ByteBuffer.wrap(vector).getShort()).isEqualTo((short) 2);
        PGvector decoded = new PGvector();
        decoded.setByteValue(vector, 0);
        assertThat(decoded.toArray()).containsExactly(1.5f, -2f);
        assertThat(b.getShort()).isEqualTo((short) -1);
        assertThat(b.hasRemaining()).isFalse();
    }

    @Test
    void writesUserIdsAsInt4AndFlushesAcrossChunks() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] writes = new int[1];
        BinaryCopyWriter writer = new BinaryCopyWriter(IdKind.USER, 32, (bytes, off, len) -> {
            writes[0]++;
            out.write(bytes, off, len);
        });
        float[] v = new float[32];
        for (int i = 0; i < 10_000; i++) {
            v[0] = i;
            writer.row(Integer.toString(i - 5_000), v);
        }
        writer.finish();
        int rowBytes = 2 + 4 + 4 + 4 + 4 + 32 * 4;
        assertThat(out.size()).isEqualTo(19 + 10_000 * rowBytes + 2);
        assertThat(writes[0]).isGreaterThan(10);
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray(), 19 + 9_999 * rowBytes, rowBytes);
        assertThat(b.getShort()).isEqualTo((short) 2);
        assertThat(b.getInt()).isEqualTo(4);
        assertThat(b.getInt()).isEqualTo(4_999);
        assertThat(b.getInt()).isEqualTo(4 + 4 * 32);
        byte[] vector = Arrays.copyOfRange(out.toByteArray(), b.position(), b.position() + 4 + 4 * 32);
        PGvector decoded = new PGvector();
        decoded.setByteValue(vector, 0);
        assertThat(decoded.toArray()[0]).isEqualTo(9_999f);
    }
}
