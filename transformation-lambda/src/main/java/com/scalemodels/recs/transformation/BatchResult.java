package com.scalemodels.recs.transformation;

/** The response for Firehose and the figures describing how it was made. */
public record BatchResult(FirehoseResponse response, BatchStats stats) {
}
