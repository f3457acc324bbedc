package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingFileReaderTest {

    private final List<String> accepted = new ArrayList<>();

    private Problems read(IdKind kind, int dim, String csv) throws Exception {
        return read(kind, dim, csv.getBytes(StandardCharsets.UTF_8));
    }

    private Problems read(IdKind kind, int dim, byte[] csv) throws Exception {
        Problems problems = new Problems(20);
        new EmbeddingFileReader(ProgressListener.NONE).read(new ByteArrayInputStream(csv), kind.fileName(), kind, dim,
                problems, (id, v) -> accepted.add(id + "=" + Arrays.toString(v)));
        return problems;
    }

    private static List<String> messages(Problems problems) {
        return problems.first().stream().map(Problem::toString).toList();
    }

    @Test
    void acceptsValidItemRowsIncludingQuotedFieldsBlanksAndCrlf() throws Exception {
        Problems p = read(IdKind.ITEM, 3, "id,embedding\r\nS10_1678,\"[0.1,-2,3e-2]\"\r\n\"S12 \"\"x\"\"\",\"[ 1.5, 0 , -0.25 ]\"\r\n");
        assertThat(messages(p)).isEmpty();
        assertThat(accepted).containsExactly("S10_1678=[0.1, -2.0, 0.03]", "S12 \"x\"=[1.5, 0.0, -0.25]");
    }

    @Test
    void acceptsUserIdsAcrossTheIntRange() throws Exception {
        Problems p = read(IdKind.USER, 2, "id,embedding\n103,\"[1,2]\"\n-2147483648,\"[3,4]\"\n2147483647,\"[5,6]\"\n");
        assertThat(messages(p)).isEmpty();
        assertThat(accepted).containsExactly("103=[1.0, 2.0]", "-2147483648=[3.0, 4.0]", "2147483647=[5.0, 6.0]");
    }

    @Test
    void reportsWrongDimensionWithFileAndLine() throws Exception {
        Problems p = read(IdKind.ITEM, 3, "id,embedding\na,\"[1,2,3]\"\nb,\"[1,2]\"\nc,\"[1,2,3,4]\"\n");
        assertThat(messages(p)).containsExactly(
                "item_embeddings.csv:3: vector has 2 values, expected embedding_dim 3",
                "item_embeddings.csv:4: vector has 4 values, expected embedding_dim 3");
    }

    @Test
    void reportsNanAndInfinityAndOverflowAsNotFinite() throws Exception {
        Problems p = read(IdKind.ITEM, 2, "id,embedding\na,\"[NaN,1]\"\nb,\"[1,Infinity]\"\nc,\"[-inf,1]\"\nd,\"[1e39,1]\"\n");
        assertThat(messages(p)).containsExactly(
                "item_embeddings.csv:2: value 1 is not finite: 'NaN'",
                "item_embeddings.csv:3: value 2 is not finite: 'Infinity'",
                "item_embeddings.csv:4: value 1 is not finite: '-inf'",
                "item_embeddings.csv:5: value 1 is not finite: '1e39'");
    }

    @Test
    void reportsDuplicateIdsWithTheFirstLine() throws Exception {
        Problems items = read(IdKind.ITEM, 1, "id,embedding\na,[1]\nb,[1]\na,[2]\n");
        assertThat(messages(items)).containsExactly("item_embeddings.csv:4: duplicate id 'a' (first on line 2)");
        Problems users = read(IdKind.USER, 1, "id,embedding\n7,[1]\n8,[1]\n007,[2]\n");
        assertThat(messages(users)).containsExactly("user_embeddings.csv:4: duplicate id 7 (first on line 2)");
    }

    @Test
    void reportsEmptyAndBadItemIds() throws Exception {
        String longId = "x".repeat(65);
        Problems p = read(IdKind.ITEM, 1, "id,embedding\n,[1]\n\"  \",[1]\n\" a\",[1]\n" + longId + ",[1]\n"
                + "é".repeat(64) + ",[1]\n");
        assertThat(messages(p)).containsExactly(
                "item_embeddings.csv:2: empty id",
                "item_embeddings.csv:3: empty id",
                "item_embeddings.csv:4: id has leading or trailing whitespace: ' a'",
                "item_embeddings.csv:5: id is longer than 64 characters: '" + "x".repeat(40) + "…'");
    }

    @Test
    void reportsNonIntegerAndOutOfRangeUserIds() throws Exception {
        Problems p = read(IdKind.USER, 1, "id,embedding\nabc,[1]\n1.5,[1]\n2147483648,[1]\n,[1]\n-,[1]\n");
        assertThat(messages(p)).containsExactly(
                "user_embeddings.csv:2: user id is not an integer: 'abc'",
                "user_embeddings.csv:3: user id is not an integer: '1.5'",
                "user_embeddings.csv:4: user id is out of the integer range: '2147483648'",
                "user_embeddings.csv:5: empty id",
                "user_embeddings.csv:6: user id is not an integer: '-'");
    }

    @Test
    void reportsMalformedVectorText() throws Exception {
        Problems p = read(IdKind.ITEM, 2, "id,embedding\na,\"1,2\"\nb,\"[1,,2]\"\nc,\"[1,x]\"\nd,[]\ne,\"[1 2]\"\nf,\"[1,2\"\n");
        assertThat(messages(p)).containsExactly(
                "item_embeddings.csv:2: malformed vector: expected text like [0.1,0.2,…], got '1,2'",
                "item_embeddings.csv:3: malformed vector: empty value at position 2",
                "item_embeddings.csv:4: malformed vector: value 2 is not a number: 'x'",
                "item_embeddings.csv:5: empty vector []",
                "item_embeddings.csv:6: malformed vector: value 1 is not a number: '1 2'",
                "item_embeddings.csv:7: malformed vector: expected text like [0.1,0.2,…], got '[1,2'");
    }

    @Test
    void reportsCsvSyntaxFieldCountHeaderAndEmptyFiles() throws Exception {
        Problems p = read(IdKind.ITEM, 1, "id,embedding\na,[1],extra\nb\nc,\"[1]\"x\n\"d,[1]\n");
        assertThat(messages(p)).containsExactly(
                "item_embeddings.csv:2: expected 2 fields (id,embedding), found 3",
                "item_embeddings.csv:3: expected 2 fields (id,embedding), found 1",
                "item_embeddings.csv:4: malformed CSV: text after a closing quote",
                "item_embeddings.csv:5: malformed CSV: unterminated quoted field");
        assertThat(messages(read(IdKind.ITEM, 1, "embedding,id\na,[1]\n")))
                .containsExactly("item_embeddings.csv:1: expected the header id,embedding");
        assertThat(messages(read(IdKind.ITEM, 1, "")))
                .containsExactly("item_embeddings.csv: file is empty: expected the header id,embedding");
        assertThat(messages(read(IdKind.ITEM, 1, "id,embedding\n")))
                .containsExactly("item_embeddings.csv: no data rows: readers must never get an empty table");
    }

    @Test
    void lineNumbersFollowPhysicalLinesThroughQuotedLineBreaks() throws Exception {
        Problems p = read(IdKind.ITEM, 1, "id,embedding\n\"a\nb\",[1]\nc,[x]\n");
        assertThat(messages(p)).containsExactly("item_embeddings.csv:4: malformed vector: value 1 is not a number: 'x'");
    }

    @Test
    void capsTheReportButCountsEveryProblemAndStopsPassingRowsOn() throws Exception {
        StringBuilder csv = new StringBuilder("id,embedding\nok,[1]\n");
        for (int i = 0; i < 50; i++) {
            csv.append("r").append(i).append(",[NaN]\n");
        }
        csv.append("late,[2]\n");
        Problems p = read(IdKind.ITEM, 1, csv.toString());
        assertThat(p.total()).isEqualTo(50);
        assertThat(p.first()).hasSize(20);
        assertThat(p.first().get(0).line()).isEqualTo(3);
        assertThat(p.report()).contains("50 problems").contains("… and 30 more");
        assertThat(accepted).containsExactly("ok=[1.0]");
    }

    @Test
    void skipsUtf8ByteOrderMarkAndBlankLines() throws Exception {
        Problems p = read(IdKind.USER, 1, "\uFEFFid,embedding\n\n1,[1]\n\n");
        assertThat(messages(p)).isEmpty();
        assertThat(accepted).containsExactly("1=[1.0]");
    }

    @Test
    void reportsEveryProblemOfALongFileAtItsLineAndPassesNothingOnAfterTheFirst() throws Exception {
        Random random = new Random(13);
        StringBuilder csv = new StringBuilder("id,embedding\n");
        int rows = 3 * 1024 + 17;
        for (int i = 0; i < rows; i++) {
            String id = i % 997 == 5 ? "S1" : "S" + i; // duplicates of S1 now and then
            String vector = i % 1500 == 1400 ? "[1,NaN,3]" : "[" + random.nextFloat() + "," + random.nextGaussian()
                    + "," + (i % 2 == 0 ? " 1e-3" : "-0") + "]";
            csv.append(id).append(",\"").append(vector).append("\"\n");
        }
        csv.append("bad,\"[1,2]\",extra\n");
        Problems problems = new Problems(100);
        new EmbeddingFileReader(ProgressListener.NONE).read(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "items.csv", IdKind.ITEM, 3,
                problems, (id, v) -> accepted.add(id));
        assertThat(messages(problems)).containsExactly(
                "items.csv:7: duplicate id 'S1' (first on line 3)",
                "items.csv:1004: duplicate id 'S1' (first on line 3)",
                "items.csv:1402: value 2 is not finite: 'NaN'",
                "items.csv:2001: duplicate id 'S1' (first on line 3)",
                "items.csv:2902: value 2 is not finite: 'NaN'",
                "items.csv:2998: duplicate id 'S1' (first on line 3)",
                "items.csv:3091: expected 2 fields (id,embedding), found 3");
        assertThat(accepted).hasSize(5).first().isEqualTo("S0");
    }

    @Test
    void reportsItemIdsThatAreNotValidUtf8OrHoldNul() throws Exception {
        byte[] head = "id,embedding\nok,[1]\n".getBytes(StandardCharsets.UTF_8);
        byte[] badUtf8 = {'S', (byte) 0xC3, '(', ',', '[', '1', ']', '\n'};
        byte[] nul = {'S', 0, '1', ',', '[', '1', ']', '\n'};
        byte[] csv = new byte[head.length + badUtf8.length + nul.length];
        System.arraycopy(head, 0, csv, 0, head.length);
        System.arraycopy(badUtf8, 0, csv, head.length, badUtf8.length);
        System.arraycopy(nul, 0, csv, head.length + badUtf8.length, nul.length);
        assertThat(messages(read(IdKind.ITEM, 1, csv))).containsExactly(
                "item_embeddings.csv:3: id is not valid UTF-8",
                "item_embeddings.csv:4: id contains a NUL byte");
    }

    @Test
    void reportsQuotesInUnquotedFieldsAndOverlongFields() throws Exception {
        String huge = "[" + "1,".repeat(CsvRecords.MAX_FIELD_CHARS / 2) + "1]";
        Problems p = read(IdKind.ITEM, 1, "id,embedding\na\"b,[1]\nc,\"" + huge + "\"\nd,[1]\n");
        assertThat(messages(p)).containsExactly(
                "item_embeddings.csv:2: malformed CSV: quote inside an unquoted field",
                "item_embeddings.csv:3: malformed CSV: field longer than 1048576 characters");
        assertThat(accepted).isEmpty();
    }
}
