package com.scalemodels.recs.local;

import com.scalemodels.recs.local.firehose.FirehoseSimulator;
import com.scalemodels.recs.replay.PutEntry;
import com.scalemodels.recs.replay.PutResult;
import com.scalemodels.recs.replay.RecordSink;
import java.util.Collections;
import java.util.List;

/**
 * The replay's destination on this machine: each record is put on the Firehose simulator, as a producer's PutRecord
 * on the stream would reach Firehose. The simulator buffers and never refuses a record, so every entry succeeds.
 */
final class SimulatorSink implements RecordSink {

    private final FirehoseSimulator simulator;
    private final String destination;

    SimulatorSink(FirehoseSimulator simulator, String destination) {
        this.simulator = simulator;
        this.destination = destination;
    }

    @Override
    public String destination() {
        return destination;
    }

    @Override
    public List<PutResult> put(List<PutEntry> entries) {
        for (PutEntry e : entries) {
            simulator.put(e.data());
        }
        return Collections.nCopies(entries.size(), PutResult.OK);
    }
}
