package com.scalemodels.recs.loader;

import com.scalemodels.recs.loader.CsvRecords.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates one embeddings CSV ({@code id,embedding}) row by row, streaming: header, id type and uniqueness,
 * vector syntax, dimension and finiteness. Every problem goes to {@link Problems} with file and line. Valid rows go
 * to the sink only while the whole input is still clean (the shared Problems is empty): once anything is wrong
 * nothing more is loaded, but reading goes on so that the report covers the whole input.
 *
 * <p>The file is decoded as UTF-8 with malformed bytes replaced by U+FFFD, so an id holding that character is
 * reported as not valid UTF-8 (in a vector it is simply not a number).
 */
final class EmbeddingFileReader {

    private static final long PROGRESS_EVERY_ROWS = 100_000;
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final ProgressListener progress;

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
        CsvRecords csv = new CsvRecords(new InputStreamReader(in, StandardCharsets.UTF_8));
        CsvRecord header = csv.next();
        if (header == null) {
            problems.add(name, 0, "file is empty: expected the header id,embedding");
            return 0;
        }
        if (header.error() != null || header.fieldCount() != 2 || !header.fields().equals(List.of("id", "embedding"))) {
            problems.add(name, header.line(), "expected the header id,embedding");
            return 0;
        }
        // First line of every id; user ids by value, so 7 and 007 are the same id.
        Map<Object, Long> firstLines = new HashMap<>();
        float[] vector = new float[dim];
        long rows = 0;
        long started = System.nanoTime();
        long lastReport = started;
        for (CsvRecord record = csv.next(); record != null; record = csv.next()) {
            rows++;
            long now = System.nanoTime();
            if (rows % PROGRESS_EVERY_ROWS == 0 || now - lastReport >= PROGRESS_EVERY_NANOS) {
                lastReport = now;
                progress.progress(name, rows, rate(rows, started, now), false);
            }
            long line = record.line();
            if (record.error() != null) {
                problems.add(name, line, "malformed CSV: " + record.error());
                continue;
            }
            if (record.fieldCount() != 2) {
                problems.add(name, line, "expected 2 fields (id,embedding), found " + record.fieldCount());
                continue;
            }
            String id = record.fields().get(0);
            String idProblem = kind == IdKind.ITEM ? itemIdProblem(id) : userIdProblem(id);
            if (idProblem == null) {
                Object key = kind == IdKind.ITEM ? id : Integer.valueOf(id);
                Long first = firstLines.putIfAbsent(key, line);
                if (first != null) {
                    idProblem = "duplicate id " + (kind == IdKind.ITEM ? VectorText.excerpt(id) : key)
                            + " (first on line " + first + ")";
                }
            }
            if (idProblem != null) {
                problems.add(name, line, idProblem);
            }
            String vectorProblem = VectorText.parse(record.fields().get(1), vector);
            if (vectorProblem != null) {
                problems.add(name, line, vectorProblem);
            } else if (problems.isEmpty()) {
                sink.row(id, vector);
            }
        }
        if (rows == 0) {
            problems.add(name, 0, "no data rows: readers must never get an empty table");
        }
        progress.progress(name, rows, rate(rows, started, System.nanoTime()), true);
        return rows;
    }

    static String itemIdProblem(String id) {
        int start = 0;
        int end = id.length();
        while (start < end && isWhitespace(id.charAt(start))) {
            start++;
        }
        if (start == end) {
            return "empty id";
        }
        while (isWhitespace(id.charAt(end - 1))) {
            end--;
        }
        if (start != 0 || end != id.length()) {
            return "id has leading or trailing whitespace: " + VectorText.excerpt(id);
        }
        if (id.indexOf('\0') >= 0) {
            return "id contains a NUL byte";
        }
        if (id.indexOf('\uFFFD') >= 0) {
            return "id is not valid UTF-8";
        }
        if (id.codePointCount(0, id.length()) > IdKind.MAX_ITEM_ID_CHARS) {
            return "id is longer than " + IdKind.MAX_ITEM_ID_CHARS + " characters: " + VectorText.excerpt(id);
        }
        return null;
    }

    static String userIdProblem(String id) {
        if (id.isEmpty()) {
            return "empty id";
        }
        int first = id.startsWith("-") ? 1 : 0;
        boolean digits = first < id.length();
        for (int i = first; i < id.length(); i++) {
            digits &= id.charAt(i) >= '0' && id.charAt(i) <= '9';
        }
        if (!digits) {
            return "user id is not an integer: " + VectorText.excerpt(id);
        }
        try {
            Integer.parseInt(id);
            return null;
        } catch (NumberFormatException e) { // digits only, so too large
            return "user id is out of the integer range: " + VectorText.excerpt(id);
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static double rate(long rows, long startNanos, long nowNanos) {
        double seconds = (nowNanos - startNanos) / 1e9;
        return seconds <= 0 ? 0 : rows / seconds;
    }
}
