package com.scalemodels.recs.transformation;

/**
 * The per-record outcomes Firehose accepts. Constant names are the wire values: the Lambda runtime's serializer
 * writes an enum by name, and it ignores our Jackson annotations (it uses a relocated Jackson).
 */
public enum FirehoseResult {
    Ok,
    Dropped,
    ProcessingFailed
}
