package com.scalemodels.recs.replay;

import java.nio.charset.StandardCharsets;

/** One record to put: the original bytes and the partition key chosen for them. */
public record PutEntry(String partitionKey, byte[] data) {

    /** What counts against Kinesis' size limits: data plus the partition key's UTF-8 bytes. */
    public long size() {
        return data.length + (long) partitionKey.getBytes(StandardCharsets.UTF_8).length;
    }
}
