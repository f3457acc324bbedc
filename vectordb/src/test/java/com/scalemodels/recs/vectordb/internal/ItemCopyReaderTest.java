package com.scalemodels.recs.vectordb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The binary COPY framing as PostgreSQL documents it, written here by hand; the IT reads the server's. */
class ItemCopyReaderTest {

    @Test
    void readsIdsAndVectorsGrowingPastTheCountedRows() throws IOException {
        byte[] copy = copy(3, new String[] {"A-1", "Ä-2", "C-3"}, new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        ItemCopyReader.Rows rows = ItemCopyReader.read(new ByteArrayInputStream(copy), 3, 1);
        assertThat(rows.ids()).containsExactly("A-1", "Ä-2", "C-3");
        assertThat(rows.vectors()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void aVectorOfAnotherDimensionNamesTheItem() throws IOException {
        byte[] copy = copy(2, new String[] {"A-1"}, new float[][] {{1, 2}});
        assertThatThrownBy(() -> ItemCopyReader.read(new ByteArrayInputStream(copy), 3, 1))
                .isInstanceOf(IOException.class).hasMessage("item A-1: embedding of dimension 2, the model's is 3");
    }

    @Test
    void aTruncatedStreamOrAnotherFormatIsAnError() throws IOException {
        byte[] copy = copy(3, new String[] {"A-1"}, new float[][] {{1, 2, 3}});
        assertThatThrownBy(() -> ItemCopyReader.read(new ByteArrayInputStream(copy, 0, copy.length - 6), 3, 1))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ItemCopyReader.read(new ByteArrayInputStream("id,embedding\n".repeat(3)
                .getBytes(StandardCharsets.UTF_8)), 3, 1)).hasMessage("not a binary COPY stream");
    }

    private static byte[] copy(int dim, String[] ids, float[][] vectors) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
        out.writeInt(0);
        out.writeInt(4);
        out.writeInt(42); // a header extension the reader must skip
        for (int i = 0; i < ids.length; i++) {
            out.writeShort(2);
            byte[] id = ids[i].getBytes(StandardCharsets.UTF_8);
            out.writeInt(id.length);
            out.write(id);
            out.writeInt(4 + 4 * dim);
            out.writeShort(dim);
            out.writeShort(0);
            for (float f : vectors[i]) {
                out.writeFloat(f);
            }
        }
        out.writeShort(-1);
        return bytes.toByteArray();
    }
}
