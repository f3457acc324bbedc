package com.scalemodels.recs.local.firehose;

import java.time.Instant;

/** A record waiting in the processor buffer: Firehose's record id, its arrival time and the producer's bytes. */
public record BufferedRecord(String recordId, long sequence, Instant arrival, byte[] data) {
}
