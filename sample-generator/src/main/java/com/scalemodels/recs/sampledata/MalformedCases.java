package com.scalemodels.recs.sampledata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalemodels.recs.session.SessionEvent;
import com.scalemodels.recs.session.SessionLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives edge-case records from a well-formed session: one change each, so a rejection can only be due to
 * that change. The limits are the validator's own ({@link SessionLimits}).
 */
final class MalformedCases {

    static final int HISTORY_LIMIT = SessionLimits.MAX_BROWSE_HISTORY;
    static final int PAYLOAD_LIMIT_BYTES = SessionLimits.MAX_PAYLOAD_BYTES;

    private final SessionJson json;

    MalformedCases(SessionJson json) {
        this.json = json;
    }

    /** Every case, valid-but-unusual (Ok) ones included. */
    List<MalformedCase> all(SessionEvent base) {
        List<MalformedCase> cases = new ArrayList<>();
        String text = new String(json.bytes(base), StandardCharsets.UTF_8);
        cases.add(ok("valid_session", "control: a well-formed session", json.bytes(base)));
        cases.add(failed("invalid_utf8", "bytes that are not UTF-8 (0xC3 0x28 inside a string)",
                invalidUtf8(text), "UTF-8"));
        cases.add(failed("not_json", "plain text", utf8("customer 103 looked at S10_1678"), "JSON"));
        cases.add(failed("truncated_json", "a JSON object cut in half",
                utf8(text.substring(0, text.length() / 2)), "JSON"));
        cases.add(failed("json_array", "a JSON array holding the session instead of the session object",
                utf8("[" + text + "]"), "JSON"));
        cases.add(failed("customer_number_string", "customer_number as a string",
                edit(base, n -> n.put("customer_number", String.valueOf(base.customerNumber()))),
                "customer_number"));
        cases.add(failed("credit_limit_string", "credit_limit as a string",
                edit(base, n -> n.put("credit_limit", String.valueOf(base.creditLimit()))), "credit_limit"));
        cases.add(failed("missing_session_id", "no session_id", edit(base, n -> n.remove("session_id")),
                "session_id"));
        cases.add(failed("missing_customer_number", "no customer_number",
                edit(base, n -> n.remove("customer_number")), "customer_number"));
        cases.add(failed("missing_browse_history", "no browse_history", edit(base, n -> n.remove("browse_history")),
                "browse_history"));
        cases.add(failed("browse_history_object", "browse_history is an object, not an array",
                edit(base, n -> n.putObject("browse_history")), "browse_history"));
        cases.add(failed("browse_item_quantity_string", "a browse item's quantity as a string",
                edit(base, n -> ((ObjectNode) n.get("browse_history").get(0)).put("quantity", "2")), "quantity"));
        cases.add(failed("browse_item_missing_product_code", "a browse item without product_code",
                edit(base, n -> ((ObjectNode) n.get("browse_history").get(0)).remove("product_code")),
                "product_code"));
        cases.add(failed("negative_credit_limit", "credit_limit below zero",
                edit(base, n -> n.put("credit_limit", -500.0)), "credit_limit"));
        // 1e999 is valid JSON number syntax but overflows a double to Infinity.
        cases.add(failed("non_finite_credit_limit", "credit_limit 1e999 (parses to Infinity)",
                utf8(text.replaceFirst("\"credit_limit\":[^,]+", "\"credit_limit\":1e999")), "credit_limit"));
        cases.add(failed("browse_history_over_limit", "201 browse items (limit " + HISTORY_LIMIT + ")",
                edit(base, n -> repeatHistory(n, HISTORY_LIMIT + 1)), "browse_history"));
        cases.add(failed("browse_history_huge", "1,000 compact browse items (limit " + HISTORY_LIMIT
                + "; still under the payload limit)", hugeHistory(base, 1000), "browse_history"));
        cases.add(failed("oversized_payload", "a valid session padded past 64 KiB with an unknown field",
                edit(base, n -> n.put("notes", "x".repeat(PAYLOAD_LIMIT_BYTES + 1))), "payload"));
        cases.add(ok("unknown_product_codes", "valid session whose products the catalog does not know",
                edit(base, n -> ((ArrayNode) n.get("browse_history")).forEach(
                        item -> ((ObjectNode) item).put("product_code", "S99_0000")))));
        cases.add(ok("unknown_city", "valid session from a city and country never seen in training",
                edit(base, n -> n.put("city", "Atlantis").put("country", "Lemuria"))));
        cases.add(ok("unknown_fields_kept", "valid session with extra fields that must pass through unchanged",
                edit(base, n -> n.put("channel", "web").putObject("device").put("os", "linux"))));
        cases.add(ok("empty_browse_history", "valid session with an empty history (no similar_items seed)",
                edit(base, n -> n.putArray("browse_history"))));
        return cases;
    }

    /** Only the cases the validator must reject, for injection into streams. */
    List<MalformedCase> rejected(SessionEvent base) {
        return all(base).stream().filter(MalformedCase::rejected).toList();
    }

    private byte[] edit(SessionEvent base, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode node = json.tree(base);
        change.accept(node);
        return json.bytes(node);
    }

    private static void repeatHistory(ObjectNode node, int size) {
        ArrayNode history = (ArrayNode) node.get("browse_history");
        ObjectNode first = (ObjectNode) history.get(0);
        history.removeAll();
        for (int i = 0; i < size; i++) {
            history.add(first.deepCopy());
        }
    }

    /** Minimal items ({@code {"product_code":"S10_1678"}}) so 1,000 of them stay under the payload limit. */
    private byte[] hugeHistory(SessionEvent base, int size) {
        ObjectNode node = json.tree(base);
        String code = base.browseHistory().isEmpty() ? "S10_1678" : base.browseHistory().get(0).productCode();
        ArrayNode history = node.putArray("browse_history");
        for (int i = 0; i < size; i++) {
            history.addObject().put("product_code", code);
        }
        return json.bytes(node);
    }

    private static byte[] invalidUtf8(String text) {
        byte[] valid = utf8(text);
        byte[] out = new byte[valid.length + 2];
        int quote = text.indexOf("\"session_id\":\"") + "\"session_id\":\"".length();
        System.arraycopy(valid, 0, out, 0, quote);
        out[quote] = (byte) 0xC3;
        out[quote + 1] = (byte) 0x28;
        System.arraycopy(valid, quote, out, quote + 2, valid.length - quote);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static MalformedCase ok(String name, String description, byte[] data) {
        return new MalformedCase(name, description, data, MalformedCase.OK, null);
    }

    private static MalformedCase failed(String name, String description, byte[] data, String reason) {
        return new MalformedCase(name, description, data, MalformedCase.PROCESSING_FAILED, reason);
    }
}
