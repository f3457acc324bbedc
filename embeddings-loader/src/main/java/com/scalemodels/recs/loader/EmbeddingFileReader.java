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
 * vector syntax, dimension and finiteness. The calling thread reads the CSV and checks ids; the vectors of each
 * batch of rows are converted on {@link VectorParsing}'s workers; batches come back in file order. Every problem
 * goes to {@link Problems} with file and line. Valid rows go to the sink only while the whole input is still clean
 * (the shared Problems is empty): once anything is wrong nothing more is loaded, but reading continues so that the
 * report covers the whole input.
 */
final class EmbeddingFileReader {

    private static final long PROGRESS_EVERY_ROWS = 100_000;
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    /**
     * Vector parse workers beside the reading thread: one keeps two cores busy (reader: CSV, ids, COPY encoding;
     * worker: decimal-to-float, the larger half). Measured on two cores with
     * {@code ./bench.sh embeddings-loader -- 1000000 copy-only N}: validation and encoding alone ran at 1.14 M rows/s
     * with one worker against 0.82–1.05 M with two (three busy threads on two cores only thrash); more help where
     * more cores are free.
     */
    static final int DEFAULT_PARSE_WORKERS = Math.min(2, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));

    private final ProgressListener progress;
    private final int parseWorkers;
    /** The user id checkUserId parsed last; saves a second parse of the same bytes for the sink. */
    private int parsedUserId;

    EmbeddingFileReader(ProgressListener progress) {
        this(progress, DEFAULT_PARSE_WORKERS);
    }

    /** @param parseWorkers threads converting vector text beside the reading thread; 0 parses on the caller's thread */
    EmbeddingFileReader(ProgressListener progress, int parseWorkers) {
        this.progress = progress;
        this.parseWorkers = parseWorkers;
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
        IntIdSet userIds = kind == IdKind.USER ? new IntIdSet() : null;
        ByteIdSet itemIds = kind == IdKind.ITEM ? new ByteIdSet() : null;
        Emitter emitter = new Emitter(name, dim, problems, sink);
        long rows = 0;
        long started = System.nanoTime();
        long lastReport = started;
        try (CsvRecordReader csv = new CsvRecordReader(in);
             VectorParsing parsing = new VectorParsing(dim, parseWorkers)) {
            if (!csv.next()) {
                problems.add(name, 0, "file is empty: expected the header id,embedding");
                return 0;
            }
            if (!isHeader(csv)) {
                problems.add(name, csv.line(), "expected the header id,embedding");
                return 0;
            }
            RowBatch batch = parsing.batch();
            while (csv.next()) {
                rows++;
                long line = csv.line();
                if (csv.error() != null) {
                    batch.addRejected(line, "malformed CSV: " + csv.error());
                } else if (csv.fieldCount() != 2) {
                    batch.addRejected(line, "expected 2 fields (id,embedding), found " + csv.fieldCount());
                } else {
                    // Ids are checked here, in file order: duplicates name the first line.
                    String idProblem = kind == IdKind.ITEM
                            ? checkItemId(csv.field(0), csv.length(0), itemIds, line)
                            : checkUserId(csv.field(0), csv.length(0), userIds, line);
                    // Only a valid item id is kept for the sink: a bad one can be a megabyte long.
                    int idLength = kind == IdKind.ITEM && idProblem == null ? csv.length(0) : 0;
                    batch.add(line, idProblem, csv.field(0), idLength, parsedUserId, csv.field(1), csv.length(1));
                }
                if (batch.isFull()) {
                    emitter.emit(parsing.submit(batch), parsing);
                    batch = parsing.batch();
                }
                if ((rows & 4095) == 0 || rows % PROGRESS_EVERY_ROWS == 0) {
                    long now = System.nanoTime();
                    if (rows % PROGRESS_EVERY_ROWS == 0 || now - lastReport >= PROGRESS_EVERY_NANOS) {
                        lastReport = now;
                        progress.progress(name, rows, rate(rows, started, now), false);
                    }
                }
            }
            emitter.emit(parsing.submit(batch), parsing);
            for (RowBatch b = parsing.next(); b != null; b = parsing.next()) {
                emitter.emit(b, parsing);
            }
        }
        if (rows == 0) {
            problems.add(name, 0, "no data rows: readers must never get an empty table");
        }
        progress.progress(name, rows, rate(rows, started, System.nanoTime()), true);
        return rows;
    }

    /**
     * Reports a parsed batch's problems and passes its valid rows on, row by row in file order: a row's id problem
     * before its vector problem, and rows go to the sink only while the whole input is still clean.
     */
    private static final class Emitter {

        private final String name;
        private final Problems problems;
        private final RowSink sink;
        private final byte[] id = new byte[4 * IdKind.MAX_ITEM_ID_CHARS + 4];
        private final float[] vector;

        Emitter(String name, int dim, Problems problems, RowSink sink) {
            this.name = name;
            this.problems = problems;
            this.sink = sink;
            this.vector = new float[dim];
        }

        void emit(RowBatch batch, VectorParsing parsing) throws IOException, SQLException {
            if (batch == null) {
                return;
            }
            for (int r = 0; r < batch.size(); r++) {
                String rowProblem = batch.rowProblem(r);
                if (rowProblem != null) {
                    problems.add(name, batch.line(r), rowProblem);
                }
                if (!batch.hasVector(r)) {
                    continue;
                }
                String vectorProblem = batch.vectorProblem(r);
                if (vectorProblem != null) {
                    problems.add(name, batch.line(r), vectorProblem);
                } else if (rowProblem == null && problems.isEmpty()) {
                    int idLength = batch.copyId(r, id);
                    batch.copyVector(r, vector);
                    sink.row(id, idLength, batch.intId(r), vector);
                }
            }
            parsing.recycle(batch);
        }
    }

    private static boolean isHeader(CsvRecordReader csv) {
        return csv.error() == null && csv.fieldCount() == 2
                && equalsAscii(csv.field(0), csv.length(0), "id")
                && equalsAscii(csv.field(1), csv.length(1), "embedding");
    }

    /** Null when the item id is valid and new (then it is remembered), else the problem. */
    private static String checkItemId(byte[] b, int length, ByteIdSet seen, long line) {
        String problem = itemIdProblem(b, length);
        if (problem != null) {
            return problem;
        }
        int first = seen.addOrGetLine(b, length, (int) Math.min(line, Integer.MAX_VALUE));
        if (first != 0) {
            return "duplicate id " + VectorTextParser.excerpt(b, 0, length) + " (first on line " + first + ")";
        }
        return null;
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

    /** Null when the user id is valid and new (then it is remembered and in {@link #parsedUserId}), else the problem. */
    private String checkUserId(byte[] b, int length, IntIdSet seen, long line) {
        int i = 0;
        boolean negative = length > 0 && b[0] == '-';
        if (negative) {
            i++;
        }
        if (i == length) {
            return length == 0 ? "empty id" : "user id is not an integer: " + VectorTextParser.excerpt(b, 0, length);
        }
        long value = 0;
        for (; i < length; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return "user id is not an integer: " + VectorTextParser.excerpt(b, 0, length);
            }
            value = value * 10 + (b[i] - '0');
            if (value > (long) Integer.MAX_VALUE + 1) {
                break;
            }
        }
        value = negative ? -value : value;
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            return "user id is out of the integer range: " + VectorTextParser.excerpt(b, 0, length);
        }
        parsedUserId = (int) value;
        int first = seen.addOrGetLine(parsedUserId, (int) Math.min(line, Integer.MAX_VALUE));
        if (first != 0) {
            return "duplicate id " + parsedUserId + " (first on line " + first + ")";
        }
        return null;
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
