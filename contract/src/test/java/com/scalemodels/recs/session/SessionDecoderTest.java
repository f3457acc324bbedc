package com.scalemodels.recs.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionDecoderTest {

    private static final String VALID = """
            {"session_id": "a1", "customer_number": 103, "city": "Nantes", "country": "France",
             "credit_limit": 21000.0,
             "browse_history": [{"product_code": "S10_1678", "quantity": 2, "in_shopping_cart": true},
                                {"product_code": "S24_2000", "quantity": 1, "in_shopping_cart": false}]}
            """;

    private final SessionDecoder decoder = new SessionDecoder();

    private DecodeResult decode(String json) {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private String rejection(String json) {
        DecodeResult result = decode(json);
        assertThat(result).isInstanceOf(DecodeResult.Rejected.class);
        return ((DecodeResult.Rejected) result).reason();
    }

    /** The contract's example with one field replaced by {@code replacement} (a "key": value pair or ""). */
    private static String withField(String key, String replacementJson) {
        String base = "{\"session_id\": \"a1\", \"customer_number\": 103, \"city\": \"Nantes\", "
                + "\"country\": \"France\", \"credit_limit\": 21000.0, \"browse_history\": []}";
        String pattern = "\"" + key + "\": [^,}]+";
        if (replacementJson == null) {
            String removed = base.replaceAll(", " + pattern, "");
            return removed.equals(base) ? base.replaceAll(pattern + ", ", "") : removed;
        }
        return base.replaceAll(pattern, "\"" + key + "\": "
                + java.util.regex.Matcher.quoteReplacement(replacementJson));
    }

    @Test
    void decodesTheContractExample() {
        DecodeResult result = decode(VALID);

        assertThat(result).isInstanceOf(DecodeResult.Valid.class);
        SessionEvent event = ((DecodeResult.Valid) result).event();
        assertThat(event.sessionId()).isEqualTo("a1");
        assertThat(event.customerNumber()).isEqualTo(103);
        assertThat(event.city()).isEqualTo("Nantes");
        assertThat(event.country()).isEqualTo("France");
        assertThat(event.creditLimit()).isEqualTo(21000.0);
        assertThat(event.browseHistory()).containsExactly(new BrowseItem("S10_1678", 2, true),
                new BrowseItem("S24_2000", 1, false));
    }

    @Test
    void nullOrMissingCityCountryAndCreditLimitAreUnknownNotErrors() {
        DecodeResult result = decode("{\"session_id\": \"a1\", \"customer_number\": 1, \"city\": null,"
                + " \"browse_history\": []}");

        SessionEvent event = ((DecodeResult.Valid) result).event();
        assertThat(event.city()).isNull();
        assertThat(event.country()).isNull();
        assertThat(event.creditLimit()).isNull();
        assertThat(event.browseHistory()).isEmpty();
    }

    @Test
    void rejectsOversizedPayloadBeforeParsing() {
        byte[] big = new byte[70_000];
        java.util.Arrays.fill(big, (byte) ' ');

        DecodeResult result = decoder.decode(big);

        assertThat(((DecodeResult.Rejected) result).reason())
                .isEqualTo("payload: 70000 bytes exceeds the limit (limit 65536)");
    }

    @Test
    void acceptsPayloadExactlyAtTheLimit() {
        String json = withField("session_id", "\"a1\"");
        StringBuilder padded = new StringBuilder(json);
        while (padded.length() < SessionLimits.MAX_PAYLOAD_BYTES) {
            padded.append(' ');
        }

        assertThat(decoder.decode(padded.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecodeResult.Valid.class);
    }

    @Test
    void rejectsTooLongHistory() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            items.append(i == 0 ? "" : ",").append("{\"product_code\":\"S1\",\"quantity\":1,\"in_shopping_cart\":false}");
        }
        String json = "{\"session_id\":\"a\",\"customer_number\":1,\"browse_history\":[" + items + "]}";

        assertThat(rejection(json)).isEqualTo("browse_history: 1000 items exceeds the limit (limit 200)");
    }

    @Test
    void acceptsHistoryAtTheLimit() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < SessionLimits.MAX_BROWSE_HISTORY; i++) {
            items.append(i == 0 ? "" : ",").append("{\"product_code\":\"S1\",\"quantity\":1,\"in_shopping_cart\":false}");
        }
        String json = "{\"session_id\":\"a\",\"customer_number\":1,\"browse_history\":[" + items + "]}";

        assertThat(decode(json)).isInstanceOf(DecodeResult.Valid.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "session_id|                 |session_id: required",
        "session_id|null             |session_id: required",
        "session_id|7                |session_id: expected a string",
        "session_id|\"\"             |session_id: must not be empty",
        "customer_number|            |customer_number: required",
        "customer_number|\"103\"     |customer_number: expected an integer",
        "customer_number|103.5       |customer_number: expected an integer",
        "customer_number|0           |customer_number: out of range (limit 1..2147483647)",
        "customer_number|2147483648  |customer_number: out of range (limit 1..2147483647)",
        "customer_number|99999999999999999999999|customer_number: out of range (limit 1..2147483647)",
        "credit_limit|\"21000.0\"    |credit_limit: expected a number",
        "credit_limit|-1             |credit_limit: out of range (limit 0..1000000000)",
        "credit_limit|1e10           |credit_limit: out of range (limit 0..1000000000)",
        "credit_limit|1e999          |credit_limit: out of range (limit 0..1000000000)",
        "city|12                     |city: expected a string",
        "country|true                |country: expected a string",
        "browse_history|             |browse_history: required",
        "browse_history|null         |browse_history: required",
        "browse_history|{}           |browse_history: expected an array",
        "browse_history|[1]          |browse_history[0]: expected an object",
    })
    void rejectsBadFieldsWithAReasonNamingTheField(String field, String value, String reason) {
        String json = withField(field, value == null ? null : value);

        assertThat(rejection(json)).isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"quantity\": 1, \"in_shopping_cart\": true}|browse_history[0].product_code: required",
        "{\"product_code\": \"S1\", \"quantity\": \"1\", \"in_shopping_cart\": true}|browse_history[0].quantity: expected an integer",
        "{\"product_code\": \"S1\", \"quantity\": 10001, \"in_shopping_cart\": true}|browse_history[0].quantity: out of range (limit 0..10000)",
        "{\"product_code\": \"S1\", \"quantity\": -1, \"in_shopping_cart\": true}|browse_history[0].quantity: out of range (limit 0..10000)",
        "{\"product_code\": \"S1\", \"quantity\": 1, \"in_shopping_cart\": \"true\"}|browse_history[0].in_shopping_cart: expected a boolean",
        "{\"product_code\": \"S1\", \"quantity\": 1}|browse_history[0].in_shopping_cart: required",
        "{\"product_code\": \"S123456789012345678901234567890123\", \"quantity\": 1, \"in_shopping_cart\": true}|browse_history[0].product_code: 34 characters exceeds the limit (limit 32)",
    })
    void rejectsBadBrowseItems(String item, String reason) {
        String json = "{\"session_id\":\"a\",\"customer_number\":1,\"browse_history\":[" + item + "]}";

        assertThat(rejection(json)).isEqualTo(reason);
    }

    @Test
    void rejectsOverlongStringsWithoutEchoingThem() {
        String city = "X".repeat(101);

        String reason = rejection(withField("city", "\"" + city + "\""));

        assertThat(reason).isEqualTo("city: 101 characters exceeds the limit (limit 100)").doesNotContain(city);
        assertThat(rejection(withField("session_id", "\"" + "s".repeat(129) + "\"")))
                .isEqualTo("session_id: 129 characters exceeds the limit (limit 128)");
    }

    @Test
    void rejectionsNeverEchoCustomerValues() {
        String reason = rejection(withField("credit_limit", "\"secret-credit-12345\""));

        assertThat(reason).doesNotContain("secret-credit-12345");
    }

    @Test
    void rejectsNonObjectsMalformedJsonDuplicatesAndBadUtf8() {
        assertThat(rejection("[1, 2]")).isEqualTo("JSON: not a JSON object");
        assertThat(rejection("\"x\"")).isEqualTo("JSON: not a JSON object");
        assertThat(rejection("")).isEqualTo("JSON: empty payload");
        assertThat(rejection("{\"session_id\": \"Nantes-secret\"")).startsWith("JSON: malformed")
                .doesNotContain("Nantes-secret");
        assertThat(rejection("{\"a\": 1} {\"b\": 2}")).startsWith("JSON: trailing content");
        assertThat(rejection("{\"session_id\": \"a\", \"session_id\": \"b\"}")).startsWith("JSON: duplicate key");
        assertThat(rejection("{\"x\": NaN}")).startsWith("JSON: malformed");
        byte[] badUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThat(((DecodeResult.Rejected) decoder.decode(badUtf8)).reason()).isEqualTo("payload: not valid UTF-8");
    }

    @Test
    void rejectsDeepNestingWithoutStackOverflow() {
        String deep = "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThat(rejection(deep)).startsWith("JSON:");
    }

    @Test
    void seedCandidatesAreCartItemsNewestFirstThenOthersNewestFirstDistinct() {
        SessionEvent event = new SessionEvent("s", 1, null, null, null, List.of(
                new BrowseItem("A", 1, true),
                new BrowseItem("B", 1, false),
                new BrowseItem("C", 1, true),
                new BrowseItem("D", 1, false),
                new BrowseItem("B", 1, false),
                new BrowseItem("A", 1, false)));

        assertThat(event.seedCandidates()).containsExactly("C", "A", "B", "D");
    }

    @Test
    void toStringLeavesLocationAndCreditOut() {
        SessionEvent event = new SessionEvent("s", 7, "Nantes", "France", 21000.0, List.of());

        assertThat(event.toString()).doesNotContain("Nantes", "France", "21000");
    }
}
