package com.scalemodels.recs.loader;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A byte-level RFC 4180 reader for small-column CSV files, built for one-million-row embedding files: fields are
 * copied into reusable byte buffers, so reading a row allocates nothing. Quoted fields (with {@code ""} escapes and
 * embedded line breaks), LF and CRLF line ends and a UTF-8 byte-order mark are understood. A record that breaks
 * the syntax is still consumed up to its end and flagged, so the caller can report it and carry on.
 */
final class CsvRecordReader implements Closeable {

    static final int MAX_FIELDS = 2;
    /** Longer fields are cut and flagged: a 2000-dim vector in text needs about 30 KB. */
    static final int MAX_FIELD_BYTES = 1 << 20;

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean started;

    private final byte[][] fields = {new byte[256], new byte[4096]};
    private final int[] lengths = new int[MAX_FIELDS];
    private final boolean[] quoted = new boolean[MAX_FIELDS];
    private int fieldCount;
    private long line = 1;
    private long recordLine;
    private String error;

    CsvRecordReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next non-blank record; false at end of input. */
    boolean next() throws IOException {
        while (true) {
            if (!readRecord()) {
                return false;
            }
            boolean blank = fieldCount == 1 && lengths[0] == 0 && !quoted[0] && error == null;
            if (!blank) {
                return true;
            }
        }
    }

    int fieldCount() {
        return fieldCount;
    }

    byte[] field(int i) {
        return fields[i];
    }

    int length(int i) {
        return lengths[i];
    }

    /** The physical line on which the current record starts (1-based). */
    long line() {
        return recordLine;
    }

    /** Why the current record is malformed, or null. */
    String error() {
        return error;
    }

    private boolean readRecord() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        if (!ensure()) {
            return false;
        }
        fieldCount = 0;
        error = null;
        recordLine = line;
        Arrays.fill(lengths, 0);
        Arrays.fill(quoted, false);
        int state = FIELD_START;
        while (true) {
            if (pos == limit && !ensure()) {
                if (state == QUOTED) {
                    flag("unterminated quoted field");
                }
                fieldCount++;
                return true;
            }
            if (state == QUOTED || state == UNQUOTED) {
                // Bulk path: copy the run of ordinary bytes at once; only delimiters go through the state machine.
                int run = pos;
                if (state == QUOTED) {
                    run = quoteOrNewline(pos);
                } else {
                    while (run < limit) {
                        byte c = buf[run];
                        if (c == ',' || c == '\n' || c == '\r' || c == '"') {
                            break;
                        }
                        run++;
                    }
                }
                appendRange(pos, run);
                pos = run;
                if (pos == limit) {
                    continue;
                }
            }
            byte b = buf[pos++];
            switch (state) {
                case FIELD_START -> {
                    if (b == '"') {
                        if (fieldCount < MAX_FIELDS) {
                            quoted[fieldCount] = true;
                        }
                        state = QUOTED;
                    } else if (b == ',') {
                        fieldCount++;
                    } else if (b == '\n' || b == '\r') {
                        endLine(b);
                        fieldCount++;
                        return true;
                    } else {
                        append(b);
                        state = UNQUOTED;
                    }
                }
                case UNQUOTED -> {
                    if (b == ',') {
                        fieldCount++;
                        state = FIELD_START;
                    } else if (b == '\n' || b == '\r') {
                        endLine(b);
                        fieldCount++;
                        return true;
                    } else {
                        if (b == '"') {
                            flag("quote inside an unquoted field");
                        }
                        append(b);
                    }
                }
                case QUOTED -> {
                    if (b == '"') {
                        state = QUOTE_IN_QUOTED;
                    } else {
                        if (b == '\n') {
                            line++;
                        }
                        append(b);
                    }
                }
                default -> { // QUOTE_IN_QUOTED
                    if (b == '"') {
                        append(b);
                        state = QUOTED;
                    } else if (b == ',') {
                        fieldCount++;
                        state = FIELD_START;
                    } else if (b == '\n' || b == '\r') {
                        endLine(b);
                        fieldCount++;
                        return true;
                    } else {
                        flag("text after a closing quote");
                        append(b);
                        state = UNQUOTED;
                    }
                }
            }
        }
    }

    /**
     * The index of the first '"' or LF in {@code buf[from, limit)}, else limit. Vector text is almost all of the
     * file, so its scan goes eight bytes at a time; the lowest flagged byte of the zero-byte test is always exact.
     */
    private int quoteOrNewline(int from) {
        int i = from;
        while (i <= limit - 8) {
            long word = (long) LONG_LE.get(buf, i);
            long found = zeroBytes(word ^ 0x2222222222222222L) | zeroBytes(word ^ 0x0A0A0A0A0A0A0A0AL);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        while (i < limit && buf[i] != '"' && buf[i] != '\n') {
            i++;
        }
        return i;
    }

    private static long zeroBytes(long x) {
        return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
    }

    private void appendRange(int from, int to) {
        int n = to - from;
        if (n == 0 || fieldCount >= MAX_FIELDS) {
            return;
        }
        int len = lengths[fieldCount];
        byte[] f = fields[fieldCount];
        if (len + n > f.length) {
            if (len + n > MAX_FIELD_BYTES) {
                flag("field longer than " + MAX_FIELD_BYTES + " bytes");
                n = MAX_FIELD_BYTES - len;
            }
            f = Arrays.copyOf(f, Math.min(MAX_FIELD_BYTES, Math.max(len * 2, len + n)));
            fields[fieldCount] = f;
        }
        System.arraycopy(buf, from, f, len, n);
        lengths[fieldCount] = len + n;
    }

    private void append(byte b) {
        if (fieldCount >= MAX_FIELDS) {
            return;
        }
        int len = lengths[fieldCount];
        byte[] f = fields[fieldCount];
        if (len == f.length) {
            if (len >= MAX_FIELD_BYTES) {
                flag("field longer than " + MAX_FIELD_BYTES + " bytes");
                return;
            }
            f = Arrays.copyOf(f, Math.min(MAX_FIELD_BYTES, len * 2));
            fields[fieldCount] = f;
        }
        f[len] = b;
        lengths[fieldCount] = len + 1;
    }

    private void endLine(byte b) throws IOException {
        line++;
        if (b == '\r' && (pos < limit || ensure()) && buf[pos] == '\n') {
            pos++;
        }
    }

    private void flag(String message) {
        if (error == null) {
            error = message;
        }
    }

    private void skipByteOrderMark() throws IOException {
        if (ensure() && limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB
                && buf[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
    }

    /** True when at least one unread byte is buffered. */
    private boolean ensure() throws IOException {
        while (pos >= limit) {
            if (eof) {
                return false;
            }
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                return false;
            }
            pos = 0;
            limit = n;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
