package com.scalemodels.recs.transformation;

import java.util.List;

/** What the function returns to Firehose: {@code {"records":[…]}}, one entry per input record, in input order. */
public record FirehoseResponse(List<FirehoseResponseRecord> records) {

    public FirehoseResponse {
        records = List.copyOf(records);
    }
}
