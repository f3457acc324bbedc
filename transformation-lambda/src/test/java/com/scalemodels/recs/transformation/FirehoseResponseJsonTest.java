package com.scalemodels.recs.transformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response as the Lambda runtime's own POJO serializer writes it: the exact shape Firehose reads. */
class FirehoseResponseJsonTest {

    @Test
    void writesTheFirehoseShapeAndOmitsNullMetadata() {
        FirehoseResponse response = new FirehoseResponse(List.of(
                FirehoseResponseRecord.ok("r1", TestEvents.utf8("{\"a\":1}\n")),
                FirehoseResponseRecord.processingFailed("r2", new byte[] {(byte) 0xC3, 0x28})));

        assertThat(TestEvents.utf8(TestEvents.responseJson(response))).isEqualTo(
                "{\"records\":[{\"recordId\":\"r1\",\"result\":\"Ok\",\"data\":\"eyJhIjoxfQo=\"},"
                        + "{\"recordId\":\"r2\",\"result\":\"ProcessingFailed\",\"data\":\"wyg=\"}]}");
    }

    @Test
    void writesPartitionKeysWhenSet() {
        FirehoseResponse response = new FirehoseResponse(List.of(new FirehoseResponseRecord("r1",
                FirehoseResult.Dropped, "", new FirehoseRecordMetadata(Map.of("customer", "103")))));

        assertThat(TestEvents.utf8(TestEvents.responseJson(response))).isEqualTo(
                "{\"records\":[{\"recordId\":\"r1\",\"result\":\"Dropped\",\"data\":\"\","
                        + "\"metadata\":{\"partitionKeys\":{\"customer\":\"103\"}}}]}");
    }

    @Test
    void emptyBatchIsAnEmptyList() {
        assertThat(TestEvents.utf8(TestEvents.responseJson(new FirehoseResponse(List.of()))))
                .isEqualTo("{\"records\":[]}");
    }
}
