package com.scalemodels.recs.sampledata;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalemodels.recs.json.Json;
import com.scalemodels.recs.session.SessionEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Writes the sample events under {@code samples/events/}: {@code sessions.jsonl}, a Firehose transformation
 * event with a Kinesis stream source, a plain Kinesis event, {@code malformed-records.json}, and one event for each
 * other function: the inference batch request, a Function URL request and the loader's {@code {}}. Timestamps,
 * ids and sequence numbers are fixed or derived from the seed, so regeneration is byte-identical.
 */
@Command(name = "sample-events", mixinStandardHelpOptions = true,
        description = "Write sample session events (JSON Lines, Firehose and Kinesis events, malformed cases).")
public final class SampleEventsWriter implements Callable<Integer> {

    /** 2026-11-21T00:00:00Z, the project's fixed reference instant (also the Maven outputTimestamp). */
    static final long BASE_EPOCH_MILLIS = 1_795_219_200_000L;
    static final String REGION = "eu-west-1";
    static final String ACCOUNT = "123456789012";
    static final String STREAM_ARN = "arn:aws:kinesis:" + REGION + ":" + ACCOUNT + ":stream/recs-sessions";
    static final String DELIVERY_ARN = "arn:aws:firehose:" + REGION + ":" + ACCOUNT
            + ":deliverystream/recs-enrichment";

    @Option(names = "--data-dir", defaultValue = "samples/classicmodels/csv",
            description = "Folder with customers.csv and products.csv (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--out", defaultValue = "samples/events", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sessions", defaultValue = "200", description = "Sessions in sessions.jsonl (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--event-records", defaultValue = "10",
            description = "Records in each Firehose/Kinesis event (default: ${DEFAULT-VALUE}).")
    int eventRecords;

    /** Writes all four files for {@code source} into {@code dir}. */
    public void write(SessionSource source, long seed, int sessionCount, int eventRecordCount, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        SessionStreamGenerator generator = new SessionStreamGenerator(source, seed, 0.0);
        List<byte[]> records = new ArrayList<>();
        List<SessionEvent> sessionList = new ArrayList<>();
        for (int i = 0; i < sessionCount; i++) {
            SessionEvent s = generator.nextSession();
            sessionList.add(s);
            records.add(generator.toJson(s));
        }
        try (OutputStream o = Files.newOutputStream(dir.resolve("sessions.jsonl"))) {
            for (byte[] r : records) {
                o.write(r);
                o.write('\n');
            }
        }
        List<byte[]> eventData = records.subList(0, Math.min(eventRecordCount, records.size()));
        writePretty(dir.resolve("firehose-kinesis-event.json"), firehoseEvent(eventData));
        writePretty(dir.resolve("kinesis-event.json"), kinesisEvent(eventData));
        SessionEvent base = sessionList.stream().filter(s -> s.browseHistory().size() >= 2).findFirst()
                .orElse(sessionList.get(0));
        writePretty(dir.resolve("malformed-records.json"), malformedCases(base));
        writePretty(dir.resolve("inference-request.json"), inferenceRequest(records.subList(0,
                Math.min(3, records.size()))));
        writePretty(dir.resolve("function-url-event.json"), functionUrlEvent(sessionList.get(0)));
        writePretty(dir.resolve("loader-event.json"), Json.object());
    }

    /** The transformation function's batch invoke of the inference function (docs/contracts.md). */
    ObjectNode inferenceRequest(List<byte[]> sessionJson) {
        ObjectNode request = Json.object();
        request.put("request_id", "5c4e3f51-8b0a-4b39-9d1e-2a6f0c7e1d01/0");
        request.put("k", 10);
        request.put("similar_k", 5);
        ArrayNode sessions = request.putArray("sessions");
        sessionJson.forEach(s -> sessions.add(Json.read(s)));
        return request;
    }

    /**
     * A Function URL request (payload format 2.0, the shape of {@code sam local generate-event apigateway
     * http-api-proxy}): {@code POST /items_from_user?limit=5} with a shopper's features, excluding what they browsed.
     */
    ObjectNode functionUrlEvent(SessionEvent session) throws IOException {
        ObjectNode body = Json.object();
        body.put("city", session.city());
        body.put("country", session.country());
        body.put("credit_limit", session.creditLimit());
        ArrayNode exclude = body.putArray("exclude");
        session.browseHistory().forEach(b -> exclude.add(b.productCode()));
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", "/items_from_user");
        event.put("rawQueryString", "limit=5");
        ObjectNode headers = event.putObject("headers");
        headers.put("content-type", "application/json");
        headers.put("host", "abcdefghij.lambda-url." + REGION + ".on.aws");
        event.putObject("queryStringParameters").put("limit", "5");
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", ACCOUNT);
        context.put("apiId", "abcdefghij");
        context.put("domainName", "abcdefghij.lambda-url." + REGION + ".on.aws");
        context.put("domainPrefix", "abcdefghij");
        ObjectNode http = context.putObject("http");
        http.put("method", "POST");
        http.put("path", "/items_from_user");
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "192.0.2.1");
        http.put("userAgent", "curl/8.5.0");
        context.put("requestId", "c0e6f1a2-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("timeEpoch", BASE_EPOCH_MILLIS);
        event.put("body", Json.writer().writeValueAsString(body));
        event.put("isBase64Encoded", false);
        return event;
    }

    ObjectNode firehoseEvent(List<byte[]> data) {
        ObjectNode event = Json.object();
        event.put("invocationId", "5c4e3f51-8b0a-4b39-9d1e-2a6f0c7e1d01");
        event.put("deliveryStreamArn", DELIVERY_ARN);
        event.put("sourceKinesisStreamArn", STREAM_ARN);
        event.put("region", REGION);
        ArrayNode records = event.putArray("records");
        for (int i = 0; i < data.size(); i++) {
            long arrival = BASE_EPOCH_MILLIS + i * 1_250L;
            String sequence = sequenceNumber(i);
            ObjectNode r = records.addObject();
            r.put("recordId", sequence.substring(0, 40) + String.format("%016d", i));
            r.put("approximateArrivalTimestamp", arrival);
            r.put("data", Base64.getEncoder().encodeToString(data.get(i)));
            ObjectNode meta = r.putObject("kinesisRecordMetadata");
            meta.put("shardId", "shardId-000000000000");
            meta.put("partitionKey", partitionKey(data.get(i)));
            meta.put("approximateArrivalTimestamp", arrival);
            meta.put("sequenceNumber", sequence);
            meta.put("subsequenceNumber", "0");
        }
        return event;
    }

    ObjectNode kinesisEvent(List<byte[]> data) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < data.size(); i++) {
            String sequence = sequenceNumber(i);
            ObjectNode r = records.addObject();
            ObjectNode k = r.putObject("kinesis");
            k.put("kinesisSchemaVersion", "1.0");
            k.put("partitionKey", partitionKey(data.get(i)));
            k.put("sequenceNumber", sequence);
            k.put("data", Base64.getEncoder().encodeToString(data.get(i)));
            // Kinesis events carry seconds with a fraction; BigDecimal keeps the text exact.
            k.put("approximateArrivalTimestamp", BigDecimal.valueOf(BASE_EPOCH_MILLIS + i * 1_250L, 3));
            r.put("eventSource", "aws:kinesis");
            r.put("eventVersion", "1.0");
            r.put("eventID", "shardId-000000000000:" + sequence);
            r.put("eventName", "aws:kinesis:record");
            r.put("invokeIdentityArn", "arn:aws:iam::" + ACCOUNT + ":role/recs-transformation");
            r.put("awsRegion", REGION);
            r.put("eventSourceARN", STREAM_ARN);
        }
        return event;
    }

    ArrayNode malformedCases(SessionEvent base) {
        ArrayNode cases = Json.array();
        for (MalformedCase c : new MalformedCases(new SessionJson()).all(base)) {
            ObjectNode node = cases.addObject();
            node.put("name", c.name());
            node.put("description", c.description());
            node.put("data_base64", Base64.getEncoder().encodeToString(c.data()));
            node.put("expected_result", c.expectedResult());
            node.put("expected_reason_contains", c.expectedReasonContains());
        }
        // A Firehose record's data is base64 text; this one cannot be decoded at all. In Java the runtime
        // decodes before the handler runs, so this case is for decoders that see the raw event JSON.
        ObjectNode bad = cases.addObject();
        bad.put("name", "bad_base64");
        bad.put("description", "record data that is not valid base64 (raw text in data_base64). Firehose base64-encodes"
                + " record data itself, so this cannot come from Firehose; if it did, the Java runtime would reject the"
                + " whole event before the handler runs: the invocation fails, Firehose retries it, then writes every"
                + " record of the batch to processing-failed/");
        bad.put("data_base64", "%%% not base64 %%%");
        bad.put("expected_result", "InvocationFailed");
        bad.put("expected_reason_contains", "base64");
        return cases;
    }

    /** Kinesis sequence numbers are 56-digit decimal strings; these are fixed per position. */
    static String sequenceNumber(int index) {
        return "49657218432197452018239856034861206123" + String.format("%018d", 1_000_003L * (index + 1));
    }

    /** Producers key sessions by customer, keeping one shopper's events in order on one shard. */
    private static String partitionKey(byte[] data) {
        return "customer-" + Json.read(data).get("customer_number").asText();
    }

    private void writePretty(Path file, Object tree) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        String text = Json.writer().with(printer).writeValueAsString(tree) + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Override
    public Integer call() throws IOException {
        write(SessionSource.fromCsv(dataDir), seed, sessions, eventRecords, out);
        System.out.println("wrote " + out + ": sessions.jsonl, firehose-kinesis-event.json, kinesis-event.json,"
                + " malformed-records.json, inference-request.json, function-url-event.json, loader-event.json");
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SampleEventsWriter()).execute(args));
    }
}
