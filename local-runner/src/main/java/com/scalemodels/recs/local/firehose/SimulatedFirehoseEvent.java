package com.scalemodels.recs.local.firehose;

import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;

/**
 * The event Firehose sends for a Kinesis Data Stream source. The library class has no {@code
 * sourceKinesisStreamArn}, which real events carry (see samples/events/firehose-kinesis-event.json); this adds it,
 * so the simulated event has every field a deployed function would receive.
 */
public final class SimulatedFirehoseEvent extends KinesisFirehoseEvent {

    private static final long serialVersionUID = 1L;

    private String sourceKinesisStreamArn;

    public String getSourceKinesisStreamArn() {
        return sourceKinesisStreamArn;
    }

    public void setSourceKinesisStreamArn(String sourceKinesisStreamArn) {
        this.sourceKinesisStreamArn = sourceKinesisStreamArn;
    }
}
