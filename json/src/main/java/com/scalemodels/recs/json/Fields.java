package com.scalemodels.recs.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Typed reads of the fields of one JSON object, with one message per rule wherever the project validates input
 * (session events, inference requests, HTTP bodies, manifests, preprocessing files, command-line arguments). A
 * failure is an {@link InvalidFieldException} naming the field's path and, for a bound, the limit:
 *
 * <table>
 *   <caption>Rules and their messages</caption>
 *   <tr><td>missing or null</td><td>{@code city: required}</td></tr>
 *   <tr><td>wrong JSON type</td><td>{@code customer_number: expected an integer}</td></tr>
 *   <tr><td>empty required string or array</td><td>{@code session_id: must not be empty}</td></tr>
 *   <tr><td>string too long</td><td>{@code city: 101 characters exceeds the limit (limit 100)}</td></tr>
 *   <tr><td>array too long</td><td>{@code browse_history: 1000 items exceeds the limit (limit 200)}</td></tr>
 *   <tr><td>number outside its bounds</td><td>{@code quantity: out of range (limit 0..10000)}</td></tr>
 *   <tr><td>infinite number</td><td>{@code mean: must be finite}</td></tr>
 *   <tr><td>field not in the format</td><td>{@code features[2].clip: unknown field}</td></tr>
 * </table>
 *
 * <p>Null counts as missing. Values are never echoed: they may be customer data or credentials.
 */
public final class Fields {

    private final JsonNode object;
    private final String path;

    private Fields(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    /**
     * The fields of a document's top-level object; its fields are named by their own names.
     *
     * @param name names the document when it is not an object: {@code JSON: not a JSON object}
     */
    public static Fields root(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            throw new InvalidFieldException(name, "not a JSON object");
        }
        return new Fields(node, "");
    }

    /** The fields of the object at {@code path} (its fields are named {@code path.field}). */
    public static Fields of(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw required(path);
        }
        if (!node.isObject()) {
            throw expected(path, "an object");
        }
        return new Fields(node, path);
    }

    /** The object's own path, empty at the root. */
    public String path() {
        return path;
    }

    /** The path of one of this object's fields. */
    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** True when the field is present and not null. */
    public boolean has(String name) {
        JsonNode node = object.get(name);
        return node != null && !node.isNull();
    }

    /** A non-empty string of at most {@code maxLength} UTF-16 chars. */
    public String requiredText(String name, int maxLength) {
        String value = text(name, maxLength);
        if (value == null) {
            throw required(path(name));
        }
        if (value.isEmpty()) {
            throw new InvalidFieldException(path(name), "must not be empty");
        }
        return value;
    }

    /** A non-empty string. */
    public String requiredText(String name) {
        return requiredText(name, Integer.MAX_VALUE);
    }

    /** A string of at most {@code maxLength} UTF-16 chars, or null when missing. */
    public String optionalText(String name, int maxLength) {
        return text(name, maxLength);
    }

    private String text(String name, int maxLength) {
        JsonNode node = optional(name, JsonNode::isTextual, "a string");
        if (node == null) {
            return null;
        }
        String value = node.textValue();
        if (value.length() > maxLength) {
            throw tooLong(path(name), value.length(), maxLength);
        }
        return value;
    }

    /** A JSON integer (not {@code 1.0}, not {@code "1"}) within {@code [min, max]}. */
    public int requiredInt(String name, int min, int max) {
        return (int) requiredLong(name, min, max);
    }

    /** {@link #requiredInt}, or null when missing. */
    public Integer optionalInt(String name, int min, int max) {
        return has(name) ? requiredInt(name, min, max) : null;
    }

    /** A JSON integer within {@code [min, max]}. */
    public long requiredLong(String name, long min, long max) {
        JsonNode node = present(name, JsonNode::isIntegralNumber, "an integer");
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw outOfRange(path(name), min, max);
        }
        return node.longValue();
    }

    /** A finite JSON number. */
    public double requiredFinite(String name) {
        double value = present(name, JsonNode::isNumber, "a number").doubleValue();
        if (!Double.isFinite(value)) {
            throw new InvalidFieldException(path(name), "must be finite");
        }
        return value;
    }

    /** A JSON number within {@code [min, max]} (an infinite one is out of range), or null when missing. */
    public Double optionalNumber(String name, double min, double max) {
        JsonNode node = optional(name, JsonNode::isNumber, "a number");
        if (node == null) {
            return null;
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value) || value < min || value > max) {
            throw outOfRange(path(name), min, max);
        }
        return value;
    }

    /** {@code true} or {@code false}. */
    public boolean requiredBoolean(String name) {
        return present(name, JsonNode::isBoolean, "a boolean").booleanValue();
    }

    /** {@code true} or {@code false}, or {@code fallback} when missing. */
    public boolean optionalBoolean(String name, boolean fallback) {
        return has(name) ? requiredBoolean(name) : fallback;
    }

    /** The fields of a nested object. */
    public Fields requiredObject(String name) {
        return of(object.get(name), path(name));
    }

    /** An array of {@code minItems..maxItems} items ({@code minItems} 1: {@code must not be empty}). */
    public ArrayNode requiredArray(String name, int minItems, int maxItems) {
        JsonNode node = present(name, JsonNode::isArray, "an array");
        if (node.size() < minItems) {
            throw new InvalidFieldException(path(name), minItems == 1 ? "must not be empty"
                    : node.size() + " items is below the minimum (limit " + minItems + ")");
        }
        if (node.size() > maxItems) {
            throw new InvalidFieldException(path(name), node.size() + " items exceeds the limit (limit " + maxItems
                    + ")");
        }
        return (ArrayNode) node;
    }

    /** {@link #requiredArray} with no minimum, or an empty array when missing. */
    public ArrayNode optionalArray(String name, int maxItems) {
        return has(name) ? requiredArray(name, 0, maxItems) : Json.array();
    }

    /** The names of the object's fields, in document order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(object.size());
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The fields of the object held by field {@code name} of a map-like object: {@code path["name"]}. */
    public Fields entry(String name) {
        return of(object.get(name), path + "[\"" + name + "\"]");
    }

    /** The fields of item {@code index} of {@code array}, which was field {@code name}: {@code name[index]}. */
    public Fields element(String name, ArrayNode array, int index) {
        String at = path(name) + "[" + index + "]";
        if (!array.get(index).isObject()) {
            throw expected(at, "an object");
        }
        return new Fields(array.get(index), at);
    }

    /** Item {@code index} of {@code array} (field {@code name}) as a string of at most {@code maxLength} chars. */
    public String textElement(String name, ArrayNode array, int index, int maxLength) {
        JsonNode node = array.get(index);
        String at = path(name) + "[" + index + "]";
        if (!node.isTextual()) {
            throw expected(at, "a string");
        }
        if (node.textValue().length() > maxLength) {
            throw tooLong(at, node.textValue().length(), maxLength);
        }
        return node.textValue();
    }

    /** Rejects any field not in {@code known}: in a file format, a field the reader ignores is a silent mistake. */
    public void onlyKnown(Set<String> known) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new InvalidFieldException(path(name), "unknown field");
            }
        }
    }

    /** A rule of the caller's own, said the same way: {@code <path.name>: <problem>}. */
    public InvalidFieldException invalid(String name, String problem) {
        return new InvalidFieldException(path(name), problem);
    }

    /** A rule of the caller's own about the object itself: {@code <path>: <problem>}. */
    public InvalidFieldException invalidObject(String problem) {
        return new InvalidFieldException(path, problem);
    }

    /** The field, when present, not null and of the kind {@code is} tells ({@code what}); else null. */
    private JsonNode optional(String name, Predicate<JsonNode> is, String what) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!is.test(node)) {
            throw expected(path(name), what);
        }
        return node;
    }

    /** {@link #optional}, but a missing field is {@code required}. */
    private JsonNode present(String name, Predicate<JsonNode> is, String what) {
        JsonNode node = optional(name, is, what);
        if (node == null) {
            throw required(path(name));
        }
        return node;
    }

    // Values that arrive as text (query parameters, command-line arguments, event fields): the same rules.

    /** {@code <field>: required}. */
    public static InvalidFieldException required(String field) {
        return new InvalidFieldException(Objects.requireNonNull(field, "field"), "required");
    }

    /** {@code <field>: expected <what>}, e.g. {@code expected an integer}. */
    public static InvalidFieldException expected(String field, String what) {
        return new InvalidFieldException(field, "expected " + what);
    }

    /** {@code <field>: out of range (limit <min>..<max>)}. */
    public static InvalidFieldException outOfRange(String field, long min, long max) {
        return new InvalidFieldException(field, "out of range (limit " + min + ".." + max + ")");
    }

    /** {@code <field>: out of range (limit <min>..<max>)}, the bounds written in plain decimal. */
    public static InvalidFieldException outOfRange(String field, double min, double max) {
        return new InvalidFieldException(field, "out of range (limit " + plain(min) + ".." + plain(max) + ")");
    }

    /** {@code <field>: <n> characters exceeds the limit (limit <max>)}. */
    public static InvalidFieldException tooLong(String field, int length, int maxLength) {
        return new InvalidFieldException(field, length + " characters exceeds the limit (limit " + maxLength + ")");
    }

    /** An integer written as text ({@code "12"}, not {@code "12.0"}), within {@code [min, max]}. */
    public static int parseInt(String field, String text, int min, int max) {
        String digits = stripped(field, text);
        if (!digits.matches("[+-]?\\d{1,18}")) {
            throw digits.matches("[+-]?\\d+") ? outOfRange(field, min, max) : expected(field, "an integer");
        }
        long value = Long.parseLong(digits);
        if (value < min || value > max) {
            throw outOfRange(field, min, max);
        }
        return (int) value;
    }

    /** A finite number written as text, within {@code [min, max]}. */
    public static double parseNumber(String field, String text, double min, double max) {
        double value;
        try {
            value = Double.parseDouble(stripped(field, text));
        } catch (NumberFormatException e) {
            throw expected(field, "a number");
        }
        if (!Double.isFinite(value) || value < min || value > max) {
            throw outOfRange(field, min, max);
        }
        return value;
    }

    private static String stripped(String field, String text) {
        if (text == null || text.isBlank()) {
            throw required(field);
        }
        return text.strip();
    }

    private static String plain(double v) {
        return new BigDecimal(v).toPlainString();
    }
}
