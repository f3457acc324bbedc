package com.scalemodels.recs.replay;

/** Limits of one put call and one record, in bytes of data plus partition key. */
public record PutLimits(int maxRecords, long maxCallBytes, long maxRecordBytes) {

    /** Kinesis PutRecords: 500 records and 5 MiB per call, 1 MiB per record (data + partition key). */
    public static final PutLimits KINESIS = new PutLimits(500, 5L * 1024 * 1024, 1024L * 1024);
}
