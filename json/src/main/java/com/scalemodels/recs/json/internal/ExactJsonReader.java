package com.scalemodels.recs.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalemodels.recs.json.InvalidFieldException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads one JSON value into a tree whose numbers serialize back to their original text, rejecting duplicate
 * keys, invalid UTF-8 and trailing content. Errors carry a position, never the offending text (it may be customer
 * data). Thread-safe.
 */
public final class ExactJsonReader {

    private final JsonFactory factory = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);

    /** @throws InvalidFieldException {@code JSON: <problem>} or {@code payload: not valid UTF-8} */
    public JsonNode read(byte[] utf8) {
        checkUtf8(utf8);
        try (JsonParser p = factory.createParser(utf8)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InvalidFieldException("JSON", "empty payload");
            }
            JsonNode root = readValue(p, first);
            if (p.nextToken() != null) {
                throw new InvalidFieldException("JSON", "trailing content after the value" + at(p));
            }
            return root;
        } catch (JsonParseException e) {
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "duplicate key" : "malformed";
            throw new InvalidFieldException("JSON", what + at(e.getProcessor()));
        } catch (StreamConstraintsException e) {
            throw new InvalidFieldException("JSON", "exceeds a parser limit (nesting, number or string length)");
        } catch (IOException e) {
            throw new InvalidFieldException("JSON", "malformed");
        }
    }

    private static String at(Object processor) {
        if (processor instanceof JsonParser p && p.currentLocation() != null) {
            return " at line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
        }
        return "";
    }

    private static void checkUtf8(byte[] utf8) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8));
        } catch (CharacterCodingException e) {
            throw new InvalidFieldException("payload", "not valid UTF-8");
        }
    }

    /** Iterative, so nesting depth is bounded by the parser's constraint, not by the thread's stack. */
    private JsonNode readValue(JsonParser p, JsonToken first) throws IOException {
        Deque<JsonNode> containers = new ArrayDeque<>();
        JsonNode root = null;
        JsonToken t = first;
        while (true) {
            JsonNode value;
            switch (t) {
                case START_OBJECT -> value = nodes.objectNode();
                case START_ARRAY -> value = nodes.arrayNode();
                case END_OBJECT, END_ARRAY -> {
                    JsonNode done = containers.pop();
                    if (containers.isEmpty()) {
                        return done;
                    }
                    t = p.nextToken();
                    continue;
                }
                case FIELD_NAME -> {
                    t = p.nextToken();
                    continue;
                }
                case VALUE_STRING -> value = nodes.textNode(p.getText());
                case VALUE_NUMBER_INT -> value = integral(p);
                case VALUE_NUMBER_FLOAT -> value = ExactNumberNode.decimal(p.getText());
                case VALUE_TRUE -> value = nodes.booleanNode(true);
                case VALUE_FALSE -> value = nodes.booleanNode(false);
                case VALUE_NULL -> value = nodes.nullNode();
                default -> throw new JsonParseException(p, "unexpected token");
            }
            if (containers.isEmpty()) {
                root = value;
            } else {
                JsonNode parent = containers.peek();
                if (parent instanceof ObjectNode o) {
                    o.set(p.currentName(), value);
                } else {
                    ((ArrayNode) parent).add(value);
                }
            }
            if (value.isContainerNode()) {
                containers.push(value);
            } else if (containers.isEmpty()) {
                return root;
            }
            t = p.nextToken();
            if (t == null) {
                throw new JsonParseException(p, "unexpected end of input");
            }
        }
    }

    private JsonNode integral(JsonParser p) throws IOException {
        String text = p.getText();
        if (text.startsWith("-0")) {
            return ExactNumberNode.integral(text);
        }
        return switch (p.getNumberType()) {
            case INT -> nodes.numberNode(p.getIntValue());
            case LONG -> nodes.numberNode(p.getLongValue());
            default -> ExactNumberNode.integral(text);
        };
    }
}
