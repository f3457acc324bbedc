package com.scalemodels.recs.loader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Validates one embeddings CSV ({@code id,embedding}) row by row, streaming: header, id type and uniqueness,
 * vector syntax, dimension and finiteness. Every problem goes to {@link Problems} with file and line. Valid rows go
 * to the sink only while the whole input is still clean (the shared Problems is empty): once anything is wrong
 * nothing more is loaded, but reading continues so that the report covers the whole input.
 */
final class EmbeddingFileReader {

    private static final long PROGRESS_EVERY_ROWS = 100_000;
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final ProgressListener progress;
    /** The user id checkUserId parsed last; saves a second parse of the same bytes for the sink. */
    private int parsedUserId;

    EmbeddingFileReader(ProgressListener progress) {
        this.progress = progress;
    }

    /** Returns the number of data rows read (valid or not). */
    long read(Path file, IdKind kind, int dim, Problems problems, RowSink sink) throws IOException, SQLException {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name, kind, dim, problems, sink);
        } catch (NoSuchFileException e) {
            problems.add(name, 0, "file not found: " + file);
            return 0;
        }
    }

    long read(InputStream in, String name, IdKind kind, int dim, Problems problems, RowSink sink)
            throws IOException, SQLException {
        VectorTextParser vectors = new VectorTextParser(dim);
        IntIdSet userIds = kind == IdKind.USER ? new IntIdSet() : null;
        ByteIdSet itemIds = kind == IdKind.ITEM ? new ByteIdSet() : null;
        long rows = 0;
        long started = System.nanoTime();
        long lastReport = started;
        try (CsvRecordReader csv = new CsvRecordReader(in)) {
            if (!csv.next()) {
                problems.add(name, 0, "file is empty: expected the header id,embedding");
                return 0;
            }
            if (!isHeader(csv)) {
                problems.add(name, csv.line(), "expected the header id,embedding");
                return 0;
            }
            while (csv.next()) {
                rows++;
                long line = csv.line();
                if (csv.error() != null) {
                    problems.add(name, line, "malformed CSV: " + csv.error());
                } else if (csv.fieldCount() != 2) {
                    problems.add(name, line, "expected 2 fields (id,embedding), found " + csv.fieldCount());
                } else {
                    boolean ok = kind == IdKind.ITEM
                            ? checkItemId(csv.field(0), csv.length(0), itemIds, name, line, problems)
                            : checkUserId(csv.field(0), csv.length(0), userIds, name, line, problems);
                    if (!vectors.parse(csv.field(1), csv.length(1))) {
                        problems.add(name, line, vectors.error());
                    } else if (ok && problems.isEmpty()) {
                        sink.row(csv.field(0), csv.length(0), parsedUserId, vectors.values());
                    }
                }
                if ((rows & 4095) == 0 || rows % PROGRESS_EVERY_ROWS == 0) {
                    long now = System.nanoTime();
                    if (rows % PROGRESS_EVERY_ROWS == 0 || now - lastReport >= PROGRESS_EVERY_NANOS) {
                        lastReport = now;
                        progress.progress(name, rows, rate(rows, started, now), false);
                    }
                }
            }
        }
        if (rows == 0) {
            problems.add(name, 0, "no data rows: readers must never get an empty table");
        }
        progress.progress(name, rows, rate(rows, started, System.nanoTime()), true);
        return rows;
    }

    private static boolean isHeader(CsvRecordReader csv) {
        return csv.error() == null && csv.fieldCount() == 2
                && equalsAscii(csv.field(0), csv.length(0), "id")
                && equalsAscii(csv.field(1), csv.length(1), "embedding");
    }

    private static boolean checkItemId(byte[] b, int length, ByteIdSet seen, String name, long line,
            Problems problems) {
        String problem = itemIdProblem(b, length);
        if (problem != null) {
            problems.add(name, line, problem);
            return false;
        }
        int first = seen.addOrGetLine(b, length, (int) Math.min(line, Integer.MAX_VALUE));
        if (first != 0) {
            problems.add(name, line, "duplicate id " + VectorTextParser.excerpt(b, 0, length)
                    + " (first on line " + first + ")");
            return false;
        }
        return true;
    }

    static String itemIdProblem(byte[] b, int length) {
        int start = 0;
        int end = length;
        while (start < end && isWhitespace(b[start])) {
            start++;
        }
        if (start == end) {
            return "empty id";
        }
        while (isWhitespace(b[end - 1])) {
            end--;
        }
        if (start != 0 || end != length) {
            return "id has leading or trailing whitespace: " + VectorTextParser.excerpt(b, 0, length);
        }
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (b[i] == 0) {
                return "id contains a NUL byte";
            }
            ascii &= b[i] >= 0;
        }
        int chars = length;
        if (!ascii) {
            try {
                String s = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, 0, length)).toString();
                chars = s.codePointCount(0, s.length());
            } catch (CharacterCodingException e) {
                return "id is not valid UTF-8";
            }
        }
        if (chars > IdKind.MAX_ITEM_ID_CHARS) {
            return "id is longer than " + IdKind.MAX_ITEM_ID_CHARS + " characters: "
                    + VectorTextParser.excerpt(b, 0, length);
        }
        return null;
    }

    private boolean checkUserId(byte[] b, int length, IntIdSet seen, String name, long line, Problems problems) {
        int i = 0;
        boolean negative = length > 0 && b[0] == '-';
        if (negative) {
            i++;
        }
        if (i == length) {
            problems.add(name, line, length == 0 ? "empty id" : "user id is not an integer: "
                    + VectorTextParser.excerpt(b, 0, length));
            return false;
        }
        long value = 0;
        for (; i < length; i++) {
            if (b[i] < '0' || b[i] > '9') {
                problems.add(name, line, "user id is not an integer: " + VectorTextParser.excerpt(b, 0, length));
                return false;
            }
            value = value * 10 + (b[i] - '0');
            if (value > (long) Integer.MAX_VALUE + 1) {
                break;
            }
        }
        value = negative ? -value : value;
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            problems.add(name, line, "user id is out of the integer range: " + VectorTextParser.excerpt(b, 0, length));
            return false;
        }
        parsedUserId = (int) value;
        int first = seen.addOrGetLine(parsedUserId, (int) Math.min(line, Integer.MAX_VALUE));
        if (first != 0) {
            problems.add(name, line, "duplicate id " + parsedUserId + " (first on line " + first + ")");
            return false;
        }
        return true;
    }

    private static boolean isWhitespace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean equalsAscii(byte[] b, int length, String s) {
        if (length != s.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (b[i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static double rate(long rows, long startNanos, long nowNanos) {
        double seconds = (nowNanos - startNanos) / 1e9;
        return seconds <= 0 ? 0 : rows / seconds;
    }
}
