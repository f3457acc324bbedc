package com.scalemodels.recs.local.firehose;

import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import com.scalemodels.recs.transformation.FirehoseResponse;
import com.scalemodels.recs.transformation.FirehoseResponseRecord;
import com.scalemodels.recs.transformation.FirehoseResult;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A transformation function for tests: "bad…" records fail, "drop…" records are dropped, others come back as
 * {@code <data>!\n}. It throws for its first {@code failures} calls and remembers every event.
 */
final class FakeProcessor implements FirehoseProcessor {

    final List<KinesisFirehoseEvent> events = new ArrayList<>();
    private int failures;
    boolean omitFirstRecord;

    FakeProcessor(int failures) {
        this.failures = failures;
    }

    @Override
    public FirehoseResponse invoke(KinesisFirehoseEvent event) {
        events.add(event);
        if (failures > 0) {
            failures--;
            throw new IllegalStateException("inference unavailable");
        }
        List<FirehoseResponseRecord> out = new ArrayList<>();
        for (KinesisFirehoseEvent.Record r : event.getRecords()) {
            String data = text(r.getData());
            if (data.startsWith("bad")) {
                out.add(FirehoseResponseRecord.processingFailed(r.getRecordId(), data.getBytes(StandardCharsets.UTF_8)));
            } else if (data.startsWith("drop")) {
                out.add(new FirehoseResponseRecord(r.getRecordId(), FirehoseResult.Dropped, "", null));
            } else {
                out.add(FirehoseResponseRecord.ok(r.getRecordId(), (data + "!\n").getBytes(StandardCharsets.UTF_8)));
            }
        }
        if (omitFirstRecord) {
            out.remove(0);
        }
        return new FirehoseResponse(out);
    }

    static String text(ByteBuffer data) {
        ByteBuffer view = data.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    List<Integer> batchSizes() {
        return events.stream().map(e -> e.getRecords().size()).toList();
    }

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
