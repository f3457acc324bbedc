package com.scalemodels.recs.local.firehose;

import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the Lambda event for one batch the way Firehose does for a Kinesis Data Stream source. */
final class EventBuilder {

    // Shape of real Kinesis sequence numbers (56 digits, increasing per shard); only uniqueness matters here.
    private static final String SEQUENCE_PREFIX = "4965721843219745201823985603486120612300";

    private final FirehoseSettings settings;

    EventBuilder(FirehoseSettings settings) {
        this.settings = settings;
    }

    KinesisFirehoseEvent build(String invocationId, List<BufferedRecord> batch) {
        SimulatedFirehoseEvent event = new SimulatedFirehoseEvent();
        event.setInvocationId(invocationId);
        event.setDeliveryStreamArn(settings.deliveryStreamArn());
        event.setSourceKinesisStreamArn(settings.sourceStreamArn());
        event.setRegion(settings.region());
        List<KinesisFirehoseEvent.Record> records = new ArrayList<>(batch.size());
        for (BufferedRecord r : batch) {
            KinesisFirehoseEvent.Record record = new KinesisFirehoseEvent.Record();
            record.setRecordId(r.recordId());
            record.setApproximateArrivalTimestamp(r.arrival().toEpochMilli());
            // Like the Lambda runtime's deserializer: the handler gets the bytes, already base64-decoded.
            record.setData(ByteBuffer.wrap(r.data()).asReadOnlyBuffer());
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("shardId", "shardId-000000000000");
            metadata.put("partitionKey", "pk-" + r.sequence());
            metadata.put("approximateArrivalTimestamp", Long.toString(r.arrival().toEpochMilli()));
            metadata.put("sequenceNumber", sequenceNumber(r.sequence()));
            metadata.put("subsequenceNumber", "0");
            record.setKinesisRecordMetadata(metadata);
            records.add(record);
        }
        event.setRecords(records);
        return event;
    }

    static String sequenceNumber(long sequence) {
        return SEQUENCE_PREFIX + String.format("%016d", sequence);
    }

    /** Firehose record ids are opaque digit strings, unique per delivery stream. */
    static String recordId(long sequence) {
        return SEQUENCE_PREFIX + String.format("%016d", sequence) + "0000";
    }
}
