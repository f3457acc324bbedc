package com.scalemodels.recs.transformation;

import java.util.Objects;

/** One Firehose record as the batch processor sees it: its id and its already base64-decoded bytes. */
public record InputRecord(String recordId, byte[] data) {

    public InputRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(data, "data");
    }
}
