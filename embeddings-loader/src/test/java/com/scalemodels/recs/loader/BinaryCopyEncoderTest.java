package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BinaryCopyEncoderTest {

    @Test
    void writesPgcopyHeaderRowsInPgvectorBinaryFormAndTrailer() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryCopyEncoder encoder = new BinaryCopyEncoder(IdKind.ITEM, 2, out::write);
        byte[] id = "S10".getBytes(StandardCharsets.UTF_8);
        encoder.row(id, id.length, 0, new float[] {1.5f, -2f});
        encoder.finish();
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray());
        byte[] signature = new byte[11];
        b.get(signature);
        assertThat(signature).containsExactly('P', 'G', 'C', 'O', 'P', 'Y', '\n', 0xFF, '\r', '\n', 0);
        assertThat(b.getInt()).isZero();
        assertThat(b.getInt()).isZero();
        assertThat(b.getShort()).isEqualTo((short) 2);
        assertThat(b.getInt()).isEqualTo(3);
        byte[] idOut = new byte[3];
        b.get(idOut);
        assertThat(new String(idOut, StandardCharsets.UTF_8)).isEqualTo("S10");
        assertThat(b.getInt()).isEqualTo(4 + 8);
        assertThat(b.getShort()).isEqualTo((short) 2);
        assertThat(b.getShort()).isZero();
        assertThat(b.getFloat()).isEqualTo(1.5f);
        assertThat(b.getFloat()).isEqualTo(-2f);
        assertThat(b.getShort()).isEqualTo((short) -1);
        assertThat(b.hasRemaining()).isFalse();
        assertThat(encoder.rows()).isEqualTo(1);
    }

    @Test
    void writesUserIdsAsInt4AndFlushesAcrossBufferBoundaries() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryCopyEncoder encoder = new BinaryCopyEncoder(IdKind.USER, 32, out::write);
        float[] v = new float[32];
        for (int i = 0; i < 10_000; i++) {
            encoder.row(null, 0, i, v);
        }
        encoder.finish();
        int rowBytes = 2 + 4 + 4 + 4 + 4 + 32 * 4;
        assertThat(out.size()).isEqualTo(19 + 10_000 * rowBytes + 2);
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray(), 19 + 9_999 * rowBytes, rowBytes);
        assertThat(b.getShort()).isEqualTo((short) 2);
        assertThat(b.getInt()).isEqualTo(4);
        assertThat(b.getInt()).isEqualTo(9_999);
    }
}
