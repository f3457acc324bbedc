package com.scalemodels.recs.transformation;

import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Firehose events and responses through the Lambda runtime's own serializers, so tests see exactly the objects
 * and the JSON the runtime would.
 */
final class TestEvents {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final PojoSerializer<KinesisFirehoseEvent> EVENTS =
            LambdaEventSerializers.serializerFor(KinesisFirehoseEvent.class, TestEvents.class.getClassLoader());
    private static final PojoSerializer<FirehoseResponse> RESPONSES =
            JacksonFactory.getInstance().getSerializer(FirehoseResponse.class);

    private TestEvents() {
    }

    /** An event as Firehose would send it, from base64 strings (valid or not) per record. */
    static String eventJson(String invocationId, List<String> recordIds, List<String> dataBase64) {
        ObjectNode event = JSON.createObjectNode();
        event.put("invocationId", invocationId);
        event.put("deliveryStreamArn", "arn:aws:firehose:eu-west-1:123456789012:deliverystream/recs-enrichment");
        event.put("sourceKinesisStreamArn", "arn:aws:kinesis:eu-west-1:123456789012:stream/recs-sessions");
        event.put("region", "eu-west-1");
        ArrayNode records = event.putArray("records");
        for (int i = 0; i < recordIds.size(); i++) {
            ObjectNode r = records.addObject();
            r.put("recordId", recordIds.get(i));
            r.put("approximateArrivalTimestamp", 1795219200000L + i);
            r.put("data", dataBase64.get(i));
            ObjectNode meta = r.putObject("kinesisRecordMetadata");
            meta.put("shardId", "shardId-000000000000");
            meta.put("partitionKey", "pk-" + i);
            meta.put("approximateArrivalTimestamp", 1795219200000L + i);
            meta.put("sequenceNumber", String.valueOf(49657218432197452L + i));
            meta.put("subsequenceNumber", "0");
        }
        return event.toString();
    }

    static KinesisFirehoseEvent event(String invocationId, List<byte[]> data) {
        List<String> ids = new ArrayList<>();
        List<String> b64 = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            ids.add(recordId(i));
            b64.add(Base64.getEncoder().encodeToString(data.get(i)));
        }
        return parse(eventJson(invocationId, ids, b64));
    }

    static String recordId(int i) {
        return String.format("49657218432197452018239856034861206123%018d", i);
    }

    static KinesisFirehoseEvent parse(String json) {
        return EVENTS.fromJson(json);
    }

    static byte[] responseJson(FirehoseResponse response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RESPONSES.toJson(response, out);
        return out.toByteArray();
    }

    static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A valid session, its JSON compact, about {@code 150 + 60 × historyItems} bytes. */
    static byte[] session(int n, int historyItems) {
        StringBuilder history = new StringBuilder();
        for (int i = 0; i < historyItems; i++) {
            if (i > 0) {
                history.append(',');
            }
            history.append("{\"product_code\":\"S").append(10 + (n + i) % 90).append('_').append(1000 + (n * 7 + i) % 9000)
                    .append("\",\"quantity\":").append(1 + i % 3).append(",\"in_shopping_cart\":")
                    .append(i % 2 == 0).append('}');
        }
        return utf8("{\"session_id\":\"s" + n + "\",\"customer_number\":" + (100 + n % 400)
                + ",\"city\":\"Nantes\",\"country\":\"France\",\"credit_limit\":21000.0,\"browse_history\":["
                + history + "]}");
    }
}
