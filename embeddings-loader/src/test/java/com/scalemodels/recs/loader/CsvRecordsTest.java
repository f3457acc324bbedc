package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalemodels.recs.loader.CsvRecords.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Quoted fields of every length, with quotes, line breaks and multi-byte characters at every position, read
 * through a reader that hands over odd-sized pieces: the records must be exactly the fields that were written,
 * with the physical line each starts on, whichever read boundary a delimiter falls on.
 */
class CsvRecordsTest {

    private static final String[] PIECES = {"a", "0.125", ",", "\"", "\n", "\r\n", "é", "東", "😀", " ", "-", "]", "["};

    @Test
    void readsBackRandomQuotedFieldsAcrossReadBoundaries() throws IOException {
        Random random = new Random(2026);
        List<List<String>> written = new ArrayList<>();
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
            written.add(List.of(id, value.toString()));
            startLines.add(line);
            line += value.chars().filter(c -> c == '\n').count() + 1;
            csv.append(id).append(",\"").append(value.toString().replace("\"", "\"\"")).append("\"")
                    .append(random.nextBoolean() ? "\n" : "\r\n");
        }

        CsvRecords records = new CsvRecords(new OddChunks(csv.toString(), new Random(7)));
        List<List<String>> read = new ArrayList<>();
        for (CsvRecord record = records.next(); record != null; record = records.next()) {
            assertThat(record.error()).as("record %d", read.size() + 1).isNull();
            assertThat(record.line()).as("start line of record %d", read.size() + 1)
                    .isEqualTo(startLines.get(read.size()));
            assertThat(record.fieldCount()).isEqualTo(2);
            read.add(record.fields());
        }
        assertThat(read).isEqualTo(written);
    }

    @Test
    void flagsAnUnterminatedQuoteAtTheEndOfInput() throws IOException {
        CsvRecords records = new CsvRecords(new StringReader("x,\"[0.5,0.25,0.125,0.0625]"));
        CsvRecord record = records.next();
        assertThat(record.error()).isEqualTo("unterminated quoted field");
        assertThat(record.fields()).containsExactly("x", "[0.5,0.25,0.125,0.0625]");
        assertThat(records.next()).isNull();
    }

    @Test
    void skipsAByteOrderMarkAndBlankLinesAndTakesLoneCarriageReturnsAsLineEnds() throws IOException {
        CsvRecords records = new CsvRecords(new StringReader("\uFEFFid,embedding\r\n\n\r\"\",x\ra,b,c,d\n"));
        assertThat(records.next()).isEqualTo(new CsvRecord(1, 2, List.of("id", "embedding"), null));
        assertThat(records.next()).isEqualTo(new CsvRecord(4, 2, List.of("", "x"), null));
        assertThat(records.next()).isEqualTo(new CsvRecord(5, 4, List.of("a", "b"), null));
        assertThat(records.next()).isNull();
    }

    /** Returns 1–100 characters per read, so read boundaries fall everywhere. */
    private static final class OddChunks extends Reader {
        private final String text;
        private final Random random;
        private int pos;

        OddChunks(String text, Random random) {
            this.text = text;
            this.random = random;
        }

        @Override
        public int read(char[] b, int off, int len) {
            if (pos == text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + random.nextInt(100)), text.length() - pos);
            text.getChars(pos, pos + n, b, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
