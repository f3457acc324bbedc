package com.scalemodels.recs.replay.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * An object's lines, decompressed when Firehose compressed it. Told by the content, not the {@code .gz} suffix: GZIP
 * (also multi-member) is read; ZIP and framed Snappy, Firehose's other formats, are refused with a clear reason
 * rather than read as garbage lines. HADOOP_SNAPPY has no magic number: its lines come out undecodable.
 */
public final class ObjectInput {

    private static final byte[] GZIP = {0x1f, (byte) 0x8b};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] SNAPPY_FRAMED = {(byte) 0xff, 0x06, 0x00, 0x00, 's', 'N', 'a', 'P', 'p', 'Y'};

    private ObjectInput() {
    }

    /** Takes ownership of {@code raw}: closing the reader closes it. */
    public static BufferedReader lines(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        try {
            in.mark(SNAPPY_FRAMED.length);
            byte[] head = in.readNBytes(SNAPPY_FRAMED.length);
            in.reset();
            InputStream data;
            if (startsWith(head, GZIP)) {
                data = new GZIPInputStream(in, 64 * 1024);
            } else if (startsWith(head, ZIP)) {
                throw new IOException("ZIP-compressed: not supported (use Firehose's GZIP or UNCOMPRESSED, or unzip"
                        + " the objects and replay the folder)");
            } else if (startsWith(head, SNAPPY_FRAMED)) {
                throw new IOException("Snappy-compressed: not supported (use Firehose's GZIP or UNCOMPRESSED, or"
                        + " decompress the objects and replay the folder)");
            } else {
                data = in;
            }
            return new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8), 64 * 1024);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
