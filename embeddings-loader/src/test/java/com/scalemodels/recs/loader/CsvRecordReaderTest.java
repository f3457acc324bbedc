package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Quoted fields of every length, with quotes, line breaks and multi-byte characters at every position, read
 * through a stream that hands over odd-sized pieces: the reader must return exactly the fields that were written,
 * and the physical line each record starts on, whichever 8-byte word or read boundary a delimiter falls on.
 */
class CsvRecordReaderTest {

    private static final String[] PIECES = {"a", "0.125", ",", "\"", "\n", "\r\n", "é", "東", " ", "-", "]", "["};

    @Test
    void readsBackRandomQuotedFieldsAcrossWordAndBufferBoundaries() throws IOException {
        Random random = new Random(2026);
        List<String[]> written = new ArrayList<>();
        List<Long> startLines = new ArrayList<>();
        long line = 1;
        StringBuilder csv = new StringBuilder();
        for (int r = 0; r < 3_000; r++) {
            String id = "id" + r;
            StringBuilder value = new StringBuilder();
            int pieces = random.nextInt(40);
            for (int p = 0; p < pieces; p++) {
                value.append(PIECES[random.nextInt(PIECES.length)]);
            }
            written.add(new String[] {id, value.toString()});
            startLines.add(line);
            line += value.chars().filter(c -> c == '\n').count() + 1;
            csv.append(id).append(",\"").append(value.toString().replace("\"", "\"\"")).append("\"")
                    .append(random.nextBoolean() ? "\n" : "\r\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);

        List<String[]> read = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(new OddChunks(bytes, new Random(7)))) {
            while (reader.next()) {
                assertThat(reader.error()).as("record %d", read.size() + 1).isNull();
                assertThat(reader.line()).as("start line of record %d", read.size() + 1)
                        .isEqualTo(startLines.get(read.size()));
                assertThat(reader.fieldCount()).isEqualTo(2);
                read.add(new String[] {text(reader, 0), text(reader, 1)});
            }
        }
        assertThat(read).hasSameSizeAs(written);
        for (int r = 0; r < written.size(); r++) {
            assertThat(read.get(r)).as("record %d", r + 1).containsExactly(written.get(r));
        }
    }

    @Test
    void flagsAnUnterminatedQuoteAtTheEndOfInput() throws IOException {
        byte[] bytes = "x,\"[0.5,0.25,0.125,0.0625]".getBytes(StandardCharsets.US_ASCII);
        try (CsvRecordReader reader = new CsvRecordReader(new ByteArrayInputStream(bytes))) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.error()).isEqualTo("unterminated quoted field");
            assertThat(text(reader, 1)).isEqualTo("[0.5,0.25,0.125,0.0625]");
        }
    }

    private static String text(CsvRecordReader reader, int field) {
        return new String(reader.field(field), 0, reader.length(field), StandardCharsets.UTF_8);
    }

    /** Returns 1–100 bytes per read, so read boundaries fall everywhere. */
    private static final class OddChunks extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private int pos;

        OddChunks(byte[] bytes, Random random) {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + random.nextInt(100)), bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
