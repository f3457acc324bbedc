package com.scalemodels.recs.sampledata;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote, CR/LF or leading/trailing
 * whitespace (so readers that trim cannot lose classicmodels' {@code 'Norway  '}). A {@code null} is an empty,
 * unquoted field; the generator never produces empty strings, so empty always means NULL.
 */
final class CsvWriter {

    private final Writer out;
    private boolean firstField = true;

    CsvWriter(Writer out) {
        this.out = out;
    }

    CsvWriter field(String value) throws IOException {
        separator();
        if (value != null) {
            if (needsQuotes(value)) {
                out.write('"');
                out.write(value.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(value);
            }
        }
        return this;
    }

    CsvWriter field(long value) throws IOException {
        separator();
        out.write(Long.toString(value));
        return this;
    }

    CsvWriter row(String... values) throws IOException {
        for (String v : values) {
            field(v);
        }
        return endRow();
    }

    CsvWriter endRow() throws IOException {
        out.write("\r\n");
        firstField = true;
        return this;
    }

    private void separator() throws IOException {
        if (!firstField) {
            out.write(',');
        }
        firstField = false;
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
