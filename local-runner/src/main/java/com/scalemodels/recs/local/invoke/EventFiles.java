package com.scalemodels.recs.local.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads an event file and checks that it fits the function, so a mistake is named before any JVM starts. Events are
 * sent byte for byte (the Lambda runtime deserializes them, as deployed), except the inputs the transformation
 * function never receives directly, which become the Firehose event that would reach it: a Kinesis Data Streams
 * event (Firehose reads the stream), session JSON Lines ({@code *.jsonl}) and samples/events/malformed-records.json.
 */
final class EventFiles {

    /** Lambda's limit for a synchronous invoke's request payload. */
    static final int MAX_PAYLOAD_BYTES = 6_291_456;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String STREAM_ARN = "arn:aws:kinesis:" + ExecutionEnvironment.REGION + ":"
            + ExecutionEnvironment.ACCOUNT + ":stream/recs-sessions";
    /** Arrival of records made from lines or cases: the project's fixed instant 2026-11-21T00:00:00Z. */
    private static final long FIXED_ARRIVAL_MILLIS = 1_795_219_200_000L;
    private static final String DELIVERY_ARN = "arn:aws:firehose:" + ExecutionEnvironment.REGION + ":"
            + ExecutionEnvironment.ACCOUNT + ":deliverystream/recs-enrichment";

    private EventFiles() {
    }

    /**
     * The payload for {@code function}.
     *
     * @param notes receives what the user should know about a conversion
     */
    static byte[] prepare(InvokedFunction function, Path file, Consumer<String> notes) throws BadEventException {
        byte[] bytes = read(file);
        String name = file.toString();
        if (name.endsWith(".jsonl")) {
            requireTransformation(function, name, "session JSON Lines");
            List<String> data = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= bytes.length; i++) {
                if (i == bytes.length || bytes[i] == '\n') {
                    // Bytes, not text: a malformed line's invalid UTF-8 must reach the function unchanged.
                    int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                    if (!new String(bytes, start, end - start, StandardCharsets.UTF_8).isBlank()) {
                        data.add(Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, start, end)));
                    }
                    start = i + 1;
                }
            }
            notes.accept(name + ": " + data.size() + " session line(s), sent as the Firehose event they make");
            return sized(name, firehoseEvent(bytes, data, List.of()));
        }
        JsonNode event = parse(name, bytes);
        if (function == InvokedFunction.TRANSFORMATION) {
            if (event.has("records")) {
                checkFirehose(name, event);
                return bytes;
            }
            if (isKinesis(event)) {
                notes.accept(name + ": a Kinesis Data Streams event; the transformation function gets the Firehose"
                        + " event Firehose makes of these records when it reads the stream");
                return sized(name, fromKinesis(bytes, event));
            }
            if (isCaseList(event)) {
                return sized(name, fromCases(bytes, event, name, notes));
            }
        } else if (fits(function, event)) {
            return bytes;
        }
        String guess = java.util.stream.Stream.of(InvokedFunction.values()).filter(f -> fits(f, event))
                .map(f -> "; it looks like an event of the " + f.cliName() + " function").findFirst().orElse("");
        throw new BadEventException(name + " does not look like an event of the " + function.cliName()
                + " function, which takes " + function.expects() + guess);
    }

    private static boolean fits(InvokedFunction function, JsonNode event) {
        return switch (function) {
            case TRANSFORMATION -> event.has("records") || isKinesis(event) || isCaseList(event);
            case INFERENCE -> event.path("sessions").isArray();
            case INFERENCE_HTTP -> "2.0".equals(event.path("version").asText())
                    && event.path("requestContext").path("http").has("method");
            case LOADER -> event.isObject() && !event.has("records") && !event.has("Records")
                    && !event.has("sessions") && !event.has("requestContext");
        };
    }

    private static boolean isKinesis(JsonNode event) {
        return event.path("Records").path(0).has("kinesis");
    }

    private static boolean isCaseList(JsonNode event) {
        return event.isArray() && event.path(0).has("data_base64");
    }

    private static byte[] read(Path file) throws BadEventException {
        if (Files.isDirectory(file)) {
            throw new BadEventException("event file " + file + " is a directory");
        }
        byte[] bytes;
        try (var in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new BadEventException("event file not found: " + file);
        } catch (IOException e) {
            throw new BadEventException("cannot read event file " + file + ": " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new BadEventException("event file " + file + " is empty: an event is a JSON document");
        }
        return sized(file.toString(), bytes);
    }

    private static byte[] sized(String name, byte[] payload) throws BadEventException {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new BadEventException(name + ": the event is larger than " + MAX_PAYLOAD_BYTES
                    + " bytes, Lambda's limit for a synchronous invoke's payload");
        }
        return payload;
    }

    private static JsonNode parse(String name, byte[] bytes) throws BadEventException {
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new BadEventException(name + " is not one JSON document"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": "
                    + e.getOriginalMessage()
                    + (name.endsWith(".json") ? "" : "; session JSON Lines need a .jsonl name"));
        } catch (IOException e) {
            throw new BadEventException("cannot read " + name + ": " + e.getMessage());
        }
    }

    /** Only what Firehose always guarantees: the runtime would otherwise fail before the handler, or drop records. */
    private static void checkFirehose(String name, JsonNode event) throws BadEventException {
        JsonNode records = event.get("records");
        if (!records.isArray()) {
            throw new BadEventException(name + ": \"records\" must be an array of Firehose records");
        }
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            if (!r.path("recordId").isTextual() || !r.path("data").isTextual()) {
                throw new BadEventException(name + ": records[" + i + "] needs \"recordId\" and \"data\" (base64)"
                        + " strings, as Firehose always sends");
            }
        }
    }

    private static byte[] fromKinesis(byte[] source, JsonNode event) {
        List<String> data = new ArrayList<>();
        List<ObjectNode> metadata = new ArrayList<>();
        for (JsonNode r : event.get("Records")) {
            JsonNode k = r.path("kinesis");
            data.add(k.path("data").asText(""));
            ObjectNode m = JSON.createObjectNode();
            String eventId = r.path("eventID").asText("");
            m.put("shardId", eventId.contains(":") ? eventId.substring(0, eventId.indexOf(':'))
                    : "shardId-000000000000");
            m.put("partitionKey", k.path("partitionKey").asText(""));
            // Kinesis events carry seconds with a fraction; Firehose events milliseconds.
            m.put("approximateArrivalTimestamp", k.path("approximateArrivalTimestamp").decimalValue()
                    .movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValue());
            m.put("sequenceNumber", k.path("sequenceNumber").asText(""));
            m.put("subsequenceNumber", "0");
            metadata.add(m);
        }
        return firehoseEvent(source, data, metadata);
    }

    /** One record per case, except those whose data the runtime would reject before the handler runs. */
    private static byte[] fromCases(byte[] source, JsonNode cases, String name, Consumer<String> notes) {
        List<String> data = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (JsonNode c : cases) {
            String base64 = c.path("data_base64").asText("");
            try {
                Base64.getDecoder().decode(base64);
                data.add(base64);
            } catch (IllegalArgumentException e) {
                skipped.add(c.path("name").asText("?"));
            }
        }
        notes.accept(name + ": " + data.size() + " malformed-record case(s) sent as one Firehose event, in file order"
                + (skipped.isEmpty() ? "" : "; left out (not base64, the runtime would reject the whole event): "
                        + String.join(", ", skipped)));
        return firehoseEvent(source, data, List.of());
    }

    /** The event Firehose sends for records from a Kinesis Data Stream; ids derived from the file, so repeatable. */
    private static byte[] firehoseEvent(byte[] source, List<String> data, List<ObjectNode> metadata) {
        ObjectNode event = JSON.createObjectNode();
        event.put("invocationId", UUID.nameUUIDFromBytes(source).toString());
        event.put("deliveryStreamArn", DELIVERY_ARN);
        event.put("sourceKinesisStreamArn", STREAM_ARN);
        event.put("region", ExecutionEnvironment.REGION);
        ArrayNode records = event.putArray("records");
        for (int i = 0; i < data.size(); i++) {
            ObjectNode r = records.addObject();
            String id = String.format("49657218432197452018239856034861206123%018d", i + 1);
            ObjectNode m = i < metadata.size() ? metadata.get(i) : JSON.createObjectNode()
                    .put("shardId", "shardId-000000000000").put("partitionKey", "pk-" + i)
                    .put("approximateArrivalTimestamp", FIXED_ARRIVAL_MILLIS).put("sequenceNumber", id)
                    .put("subsequenceNumber", "0");
            r.put("recordId", id);
            r.put("approximateArrivalTimestamp", m.path("approximateArrivalTimestamp").asLong());
            r.put("data", data.get(i));
            r.set("kinesisRecordMetadata", m);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireTransformation(InvokedFunction function, String name, String what)
            throws BadEventException {
        if (function != InvokedFunction.TRANSFORMATION) {
            throw new BadEventException(name + " holds " + what + ", for the transformation function; the "
                    + function.cliName() + " function takes " + function.expects());
        }
    }
}
