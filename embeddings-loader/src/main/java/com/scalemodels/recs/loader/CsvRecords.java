package com.scalemodels.recs.loader;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a CSV text as RFC 4180 writes them: fields separated by commas, optionally in double quotes (a
 * quote doubled inside them, commas and line breaks allowed), records ended by LF, CRLF or CR. A byte-order mark
 * and blank lines are skipped. A record that breaks the syntax is still read to its end and carries its error, so
 * the caller can report it with its line and go on with the next one (a CSV library stops at the first one).
 */
final class CsvRecords {

    /** Fields kept per record; further ones are only counted. */
    static final int KEPT_FIELDS = 2;
    /** Longer fields are cut and flagged: a 2000-dim vector as text is about 30,000 characters. */
    static final int MAX_FIELD_CHARS = 1 << 20;

    /**
     * One record: the physical line it starts on (1-based), its number of fields, the first {@value #KEPT_FIELDS}
     * of them, and what is wrong with its syntax (null if nothing).
     */
    record CsvRecord(long line, int fieldCount, List<String> fields, String error) {
    }

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private long line = 1;

    CsvRecords(Reader in) throws IOException {
        this.in = in;
        if (peek() == '\uFEFF') {
            pos++;
        }
    }

    /** The next record that is not a blank line; null at the end of the input. */
    CsvRecord next() throws IOException {
        while (peek() >= 0) {
            CsvRecord record = readRecord();
            if (record != null) {
                return record;
            }
        }
        return null;
    }

    /** Reads one record up to and including its line end; null for a blank line. */
    private CsvRecord readRecord() throws IOException {
        long start = line;
        List<String> fields = new ArrayList<>(KEPT_FIELDS);
        int count = 0;
        StringBuilder field = new StringBuilder();
        boolean quoted = false; // the current field began with a quote
        boolean inQuotes = false;
        String error = null;
        while (true) {
            if (inQuotes) {
                error = appendRun(field, error); // the bulk of a file: vector text between quotes
            }
            int c = read();
            if (inQuotes) {
                if (c < 0) {
                    error = first(error, "unterminated quoted field");
                    break;
                } else if (c != '"') {
                    line += c == '\n' ? 1 : 0;
                    error = append(field, (char) c, error);
                } else if (peek() == '"') {
                    pos++;
                    error = append(field, '"', error);
                } else {
                    inQuotes = false;
                }
            } else if (c < 0 || c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    pos++;
                }
                line += c < 0 ? 0 : 1;
                break;
            } else if (c == ',') {
                count = keep(fields, count, field);
                field.setLength(0);
                quoted = false;
            } else if (c == '"' && field.length() == 0 && !quoted) {
                quoted = true;
                inQuotes = true;
            } else {
                if (quoted) {
                    error = first(error, "text after a closing quote");
                } else if (c == '"') {
                    error = first(error, "quote inside an unquoted field");
                }
                error = append(field, (char) c, error);
            }
        }
        if (count == 0 && field.length() == 0 && !quoted && error == null) {
            return null;
        }
        count = keep(fields, count, field);
        return new CsvRecord(start, count, fields, error);
    }

    private static int keep(List<String> fields, int count, StringBuilder field) {
        if (count < KEPT_FIELDS) {
            fields.add(field.toString());
        }
        return count + 1;
    }

    /** Appends the buffered characters up to the next quote or line feed at once. */
    private String appendRun(StringBuilder field, String error) {
        int end = pos;
        while (end < limit && buf[end] != '"' && buf[end] != '\n') {
            end++;
        }
        int run = end - pos;
        int n = Math.min(run, MAX_FIELD_CHARS - field.length());
        field.append(buf, pos, n);
        pos = end;
        return n < run ? first(error, "field longer than " + MAX_FIELD_CHARS + " characters") : error;
    }

    private static String append(StringBuilder field, char c, String error) {
        if (field.length() < MAX_FIELD_CHARS) {
            field.append(c);
            return error;
        }
        return first(error, "field longer than " + MAX_FIELD_CHARS + " characters");
    }

    private static String first(String error, String another) {
        return error != null ? error : another;
    }

    private int read() throws IOException {
        return pos < limit || fill() ? buf[pos++] : -1;
    }

    private int peek() throws IOException {
        return pos < limit || fill() ? buf[pos] : -1;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        pos = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }
}
