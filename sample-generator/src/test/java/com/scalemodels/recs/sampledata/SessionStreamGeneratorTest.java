package com.scalemodels.recs.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalemodels.recs.session.SessionEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStreamGeneratorTest {

    private static final SampleDataset DATA = DatasetGenerator.generate(42, 1.0);
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void sameSeedGivesIdenticalStreams() throws IOException {
        assertThat(stream(5, 0.2, 500)).isEqualTo(stream(5, 0.2, 500));
        assertThat(stream(5, 0, 50)).isNotEqualTo(stream(6, 0, 50));
    }

    @Test
    void sessionsUseRealCustomersAndProducts() throws IOException {
        Map<Integer, Customer> customers = DATA.customers().stream()
                .collect(Collectors.toMap(Customer::customerNumber, Function.identity()));
        Set<String> codes = DATA.products().stream().map(Product::productCode).collect(Collectors.toSet());
        String text = new String(stream(1, 0, 300), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            JsonNode s = mapper.readTree(line);
            assertThat(s.get("session_id").asText()).isNotBlank();
            Customer c = customers.get(s.get("customer_number").asInt());
            assertThat(c).isNotNull();
            assertThat(s.get("city").asText()).isEqualTo(c.city());
            assertThat(s.get("country").asText()).isEqualTo(c.country());
            assertThat(s.get("credit_limit").asDouble()).isEqualTo(c.creditLimitCents() / 100.0);
            assertThat(s.get("browse_history").size()).isBetween(1, 8);
            s.get("browse_history").forEach(item -> {
                assertThat(codes).contains(item.get("product_code").asText());
                assertThat(item.get("quantity").asInt()).isPositive();
                assertThat(item.get("in_shopping_cart").isBoolean()).isTrue();
            });
        }
    }

    @Test
    void malformedShareIsRoughlyRespectedAndLinesStaySplittable() {
        SessionStreamGenerator generator = new SessionStreamGenerator(SessionSource.from(DATA), 3, 0.1);
        int malformed = 0;
        for (int i = 0; i < 2000; i++) {
            SessionStreamGenerator.SessionRecord r = generator.next();
            assertThat(r.data()).doesNotContain((byte) '\n');
            if (r.malformedCase() != null) {
                malformed++;
            }
        }
        assertThat(malformed).isBetween(140, 260);
    }

    @Test
    void malformedCasesNameTheirFieldAndAreRejectedForTheRightReason() {
        SessionEvent base = new SessionStreamGenerator(SessionSource.from(DATA), 1, 0).nextSession();
        var cases = new MalformedCases(new SessionJson()).all(base);
        assertThat(cases).extracting(MalformedCase::name).doesNotHaveDuplicates()
                .contains("invalid_utf8", "not_json", "json_array", "customer_number_string",
                        "credit_limit_string", "missing_session_id", "missing_customer_number",
                        "missing_browse_history", "negative_credit_limit", "non_finite_credit_limit",
                        "browse_history_huge", "oversized_payload", "unknown_product_codes", "unknown_city");
        for (MalformedCase c : cases) {
            boolean bigPayload = c.data().length > MalformedCases.PAYLOAD_LIMIT_BYTES;
            assertThat(bigPayload).as(c.name()).isEqualTo(c.name().equals("oversized_payload"));
            if (!c.rejected()) {
                assertThat(c.expectedReasonContains()).isNull();
            }
        }
    }

    @Test
    void theOtherFunctionsEventsCarryTheFirstSessions(@TempDir Path dir) throws IOException {
        new SampleEventsWriter().write(SessionSource.from(DATA), 42, 30, 10, dir);
        List<String> lines = Files.readAllLines(dir.resolve("sessions.jsonl"));
        JsonNode request = mapper.readTree(dir.resolve("inference-request.json").toFile());
        assertThat(request.get("sessions")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(request.get("sessions").get(i)).isEqualTo(mapper.readTree(lines.get(i)));
        }
        JsonNode first = mapper.readTree(lines.get(0));
        JsonNode url = mapper.readTree(dir.resolve("function-url-event.json").toFile());
        assertThat(url.get("version").asText()).isEqualTo("2.0");
        assertThat(url.get("requestContext").get("http").get("method").asText()).isEqualTo("POST");
        JsonNode body = mapper.readTree(url.get("body").asText());
        assertThat(body.get("city")).isEqualTo(first.get("city"));
        assertThat(body.get("exclude").get(0)).isEqualTo(first.get("browse_history").get(0).get("product_code"));
        assertThat(mapper.readTree(dir.resolve("loader-event.json").toFile()).isEmpty()).isTrue();
    }

    @Test
    void sampleEventsCarryRealSessionsInBothEventShapes(@TempDir Path dir) throws IOException {
        new SampleEventsWriter().write(SessionSource.from(DATA), 42, 30, 10, dir);
        String firstSession = Files.readAllLines(dir.resolve("sessions.jsonl")).get(0);
        JsonNode firehose = mapper.readTree(dir.resolve("firehose-kinesis-event.json").toFile());
        assertThat(firehose.get("records")).hasSize(10);
        JsonNode record = firehose.get("records").get(0);
        assertThat(new String(Base64.getDecoder().decode(record.get("data").asText()), StandardCharsets.UTF_8))
                .isEqualTo(firstSession);
        assertThat(record.get("kinesisRecordMetadata").get("sequenceNumber").asText()).hasSize(56);
        JsonNode kinesis = mapper.readTree(dir.resolve("kinesis-event.json").toFile());
        assertThat(kinesis.get("Records").get(0).get("eventSource").asText()).isEqualTo("aws:kinesis");
        JsonNode cases = mapper.readTree(dir.resolve("malformed-records.json").toFile());
        assertThat(cases.size()).isGreaterThan(15);
    }

    private static byte[] stream(long seed, double share, int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SessionStreamGenerator(SessionSource.from(DATA), seed, share).writeJsonLines(out, count);
        return out.toByteArray();
    }
}
