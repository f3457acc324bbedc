package com.scalemodels.recs.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFilesTest {

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> notes = new ArrayList<>();

    @TempDir
    Path dir;

    @Test
    void aFirehoseEventIsSentByteForByte() throws Exception {
        Path file = write("e.json", "{\"invocationId\":\"i\",\"records\":[{\"recordId\":\"r1\",\"data\":\"e30=\"}]}");

        assertThat(EventFiles.prepare(InvokedFunction.TRANSFORMATION, file, notes::add))
                .isEqualTo(Files.readAllBytes(file));
        assertThat(notes).isEmpty();
    }

    @Test
    void aKinesisEventBecomesTheFirehoseEventOfItsRecords() throws Exception {
        Path file = write("k.json", """
                {"Records": [{"kinesis": {"partitionKey": "customer-1", "sequenceNumber": "4959",
                  "data": "eyJhIjoxfQ==",
                  "approximateArrivalTimestamp": 1428537600.25}, "eventID": "shardId-000000000003:4959"}]}""");

        JsonNode event = json.readTree(EventFiles.prepare(InvokedFunction.TRANSFORMATION, file, notes::add));

        JsonNode record = event.get("records").get(0);
        assertThat(event.get("records")).hasSize(1);
        assertThat(record.get("data").asText()).isEqualTo("eyJhIjoxfQ==");
        assertThat(record.get("approximateArrivalTimestamp").asLong()).isEqualTo(1_428_537_600_250L);
        JsonNode metadata = record.get("kinesisRecordMetadata");
        assertThat(metadata.get("shardId").asText()).isEqualTo("shardId-000000000003");
        assertThat(metadata.get("partitionKey").asText()).isEqualTo("customer-1");
        assertThat(metadata.get("sequenceNumber").asText()).isEqualTo("4959");
        assertThat(notes).singleElement().asString().contains("Kinesis Data Streams event");
    }

    @Test
    void sessionLinesBecomeOneRecordEachWithUniqueIds() throws Exception {
        Path file = write("s.jsonl", "{\"session_id\":\"a\"}\r\n\n{\"session_id\":\"b\"}\n");

        JsonNode records = json.readTree(EventFiles.prepare(InvokedFunction.TRANSFORMATION, file, notes::add))
                .get("records");

        assertThat(records).hasSize(2);
        assertThat(new String(Base64.getDecoder().decode(records.get(1).get("data").asText()),
                StandardCharsets.UTF_8)).isEqualTo("{\"session_id\":\"b\"}");
        assertThat(records.get(0).get("recordId").asText()).isNotEqualTo(records.get(1).get("recordId").asText());
    }

    @Test
    void sessionLinesKeepTheirBytesEvenWhenTheyAreNotUtf8() throws Exception {
        byte[] invalid = {'{', '"', 'c', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, invalid);

        JsonNode records = json.readTree(EventFiles.prepare(InvokedFunction.TRANSFORMATION, file, notes::add))
                .get("records");

        assertThat(Base64.getDecoder().decode(records.get(0).get("data").asText())).isEqualTo(invalid);
    }

    @Test
    void caseListsLeaveOutDataTheRuntimeWouldRejectAndSayWhich() throws Exception {
        Path file = write("cases.json", "[{\"name\":\"ok\",\"data_base64\":\"e30=\"},"
                + "{\"name\":\"bad_base64\",\"data_base64\":\"%%% not base64\"}]");

        JsonNode records = json.readTree(EventFiles.prepare(InvokedFunction.TRANSFORMATION, file, notes::add))
                .get("records");

        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("data").asText()).isEqualTo("e30=");
        assertThat(notes).singleElement().asString().contains("left out", "bad_base64");
    }

    @Test
    void problemsAreNamedWithTheFile() throws Exception {
        assertRefused(InvokedFunction.INFERENCE, write("empty.json", ""), "is empty");
        assertRefused(InvokedFunction.INFERENCE, write("two.json", "{} {}"), "is not one JSON document");
        assertRefused(InvokedFunction.TRANSFORMATION, write("r.json", "{\"records\":[{\"recordId\":\"r\"}]}"),
                "records[0] needs \"recordId\" and \"data\"");
        assertRefused(InvokedFunction.INFERENCE_HTTP, write("req.json", "{\"sessions\":[]}"),
                "it looks like an event of the inference function");
        assertRefused(InvokedFunction.LOADER, write("l.json", "[]"), "takes a JSON object");
        assertRefused(InvokedFunction.LOADER, dir, "is a directory");
    }

    private void assertRefused(InvokedFunction function, Path file, String message) {
        assertThatThrownBy(() -> EventFiles.prepare(function, file, notes::add))
                .isInstanceOf(BadEventException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(message);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
