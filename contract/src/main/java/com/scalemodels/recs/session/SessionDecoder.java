package com.scalemodels.recs.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalemodels.recs.json.internal.ExactJsonReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw record bytes → a validated {@link SessionEvent} plus the original JSON object, or a rejection reason.
 * Bad input never throws: a Firehose batch must answer every record, and a rejection is an ordinary outcome.
 * Thread-safe.
 */
public final class SessionDecoder {

    private final ExactJsonReader reader = new ExactJsonReader();

    public DecodeResult decode(byte[] payload) {
        if (payload == null) {
            return new DecodeResult.Rejected("payload: missing");
        }
        if (payload.length > SessionLimits.MAX_PAYLOAD_BYTES) {
            return new DecodeResult.Rejected("payload: " + payload.length + " bytes exceeds the limit (limit "
                    + SessionLimits.MAX_PAYLOAD_BYTES + ")");
        }
        JsonNode root;
        try {
            root = reader.read(payload);
        } catch (ExactJsonReader.MalformedJsonException e) {
            return new DecodeResult.Rejected(e.getMessage());
        }
        return validate(root);
    }

    /**
     * Validates an already parsed session object (for example one session of an inference request). Numbers in
     * {@code node} should come from a parser with exact decimals so limits apply to the value as written.
     */
    public DecodeResult validate(JsonNode root) {
        if (!(root instanceof ObjectNode object)) {
            return new DecodeResult.Rejected("JSON: not a JSON object");
        }
        Check check = new Check();
        String sessionId = check.requiredString(object, "session_id", SessionLimits.MAX_SESSION_ID_LENGTH);
        Integer customer = check.requiredInteger(object, "customer_number", SessionLimits.MIN_CUSTOMER_NUMBER,
                SessionLimits.MAX_CUSTOMER_NUMBER);
        String city = check.optionalString(object, "city", SessionLimits.MAX_CITY_LENGTH);
        String country = check.optionalString(object, "country", SessionLimits.MAX_COUNTRY_LENGTH);
        Double creditLimit = check.optionalNumber(object, "credit_limit", SessionLimits.MIN_CREDIT_LIMIT,
                SessionLimits.MAX_CREDIT_LIMIT);
        List<BrowseItem> history = check.history(object.get("browse_history"));
        if (check.error != null) {
            return new DecodeResult.Rejected(check.error);
        }
        return new DecodeResult.Valid(new SessionEvent(sessionId, customer, city, country, creditLimit, history),
                object);
    }

    /** Collects the first problem; later checks become no-ops so the reason names one field. */
    private static final class Check {
        String error;

        private void fail(String message) {
            if (error == null) {
                error = message;
            }
        }

        String requiredString(JsonNode parent, String field, int maxLength) {
            return string(parent, field, field, maxLength, true);
        }

        String optionalString(JsonNode parent, String field, int maxLength) {
            return string(parent, field, field, maxLength, false);
        }

        private String string(JsonNode parent, String field, String path, int maxLength, boolean required) {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                if (required) {
                    fail(path + ": required");
                }
                return null;
            }
            if (!node.isTextual()) {
                fail(path + ": expected a string");
                return null;
            }
            String value = node.textValue();
            if (required && value.isEmpty()) {
                fail(path + ": must not be empty");
                return null;
            }
            if (value.length() > maxLength) {
                fail(path + ": " + value.length() + " characters exceeds the limit (limit " + maxLength + ")");
                return null;
            }
            return value;
        }

        Integer requiredInteger(JsonNode parent, String field, long min, long max) {
            return integer(parent, field, field, min, max);
        }

        private Integer integer(JsonNode parent, String field, String path, long min, long max) {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                fail(path + ": required");
                return null;
            }
            if (!node.isIntegralNumber()) {
                fail(path + ": expected an integer");
                return null;
            }
            if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
                fail(path + ": out of range (limit " + min + ".." + max + ")");
                return null;
            }
            return (int) node.longValue();
        }

        Double optionalNumber(JsonNode parent, String field, double min, double max) {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isNumber()) {
                fail(field + ": expected a number");
                return null;
            }
            double value = node.doubleValue();
            if (!Double.isFinite(value) || value < min || value > max) {
                fail(field + ": out of range (limit " + plain(min) + ".." + plain(max) + ")");
                return null;
            }
            return value;
        }

        private static String plain(double v) {
            return new java.math.BigDecimal(v).toPlainString();
        }

        List<BrowseItem> history(JsonNode node) {
            String path = "browse_history";
            if (node == null || node.isNull()) {
                fail(path + ": required");
                return List.of();
            }
            if (!node.isArray()) {
                fail(path + ": expected an array");
                return List.of();
            }
            if (node.size() > SessionLimits.MAX_BROWSE_HISTORY) {
                fail(path + ": " + node.size() + " items exceeds the limit (limit "
                        + SessionLimits.MAX_BROWSE_HISTORY + ")");
                return List.of();
            }
            List<BrowseItem> items = new ArrayList<>(node.size());
            for (int i = 0; i < node.size() && error == null; i++) {
                String itemPath = path + "[" + i + "]";
                JsonNode item = node.get(i);
                if (!item.isObject()) {
                    fail(itemPath + ": expected an object");
                    break;
                }
                String code = string(item, "product_code", itemPath + ".product_code",
                        SessionLimits.MAX_PRODUCT_CODE_LENGTH, true);
                Integer quantity = integer(item, "quantity", itemPath + ".quantity", SessionLimits.MIN_QUANTITY,
                        SessionLimits.MAX_QUANTITY);
                JsonNode cart = item.get("in_shopping_cart");
                if (cart == null || cart.isNull()) {
                    fail(itemPath + ".in_shopping_cart: required");
                } else if (!cart.isBoolean()) {
                    fail(itemPath + ".in_shopping_cart: expected a boolean");
                }
                if (error == null) {
                    items.add(new BrowseItem(code, quantity, cart.booleanValue()));
                }
            }
            return items;
        }
    }
}
