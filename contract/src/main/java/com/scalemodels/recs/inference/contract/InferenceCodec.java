package com.scalemodels.recs.inference.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalemodels.recs.session.DecodeResult;
import com.scalemodels.recs.json.Json;
import com.scalemodels.recs.session.SessionDecoder;
import com.scalemodels.recs.session.SessionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON of the request and response between the Lambdas. Sessions of a request are validated with the same
 * rules as Kinesis records, because the inference function is also reachable on its own. Thread-safe.
 */
public final class InferenceCodec {

    private final ObjectMapper mapper = Json.newMapper();
    private final SessionDecoder sessions = new SessionDecoder();

    public byte[] writeRequest(InferenceRequest request) {
        return write(request);
    }

    public byte[] writeResponse(InferenceResponse response) {
        return write(response);
    }

    /** @throws InvalidInferenceRequestException naming the first bad field */
    public InferenceRequest readRequest(byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw new InvalidInferenceRequestException("request: not valid JSON");
        }
        return readRequest(root);
    }

    /** For callers that already parsed the event (the inference handler tells event shapes apart by fields). */
    public InferenceRequest readRequest(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidInferenceRequestException("request: not a JSON object");
        }
        JsonNode id = root.get("request_id");
        if (id == null || !id.isTextual()) {
            throw new InvalidInferenceRequestException("request_id: expected a string");
        }
        int k = intField(root, "k");
        int similarK = intField(root, "similar_k");
        JsonNode array = root.get("sessions");
        if (array == null || !array.isArray()) {
            throw new InvalidInferenceRequestException("sessions: expected an array");
        }
        List<SessionEvent> events = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            DecodeResult result = sessions.validate(array.get(i));
            if (result instanceof DecodeResult.Rejected rejected) {
                throw new InvalidInferenceRequestException("sessions[" + i + "]." + rejected.reason());
            }
            events.add(((DecodeResult.Valid) result).event());
        }
        try {
            return new InferenceRequest(id.textValue(), k, similarK, events);
        } catch (IllegalArgumentException e) {
            throw new InvalidInferenceRequestException(e.getMessage());
        }
    }

    /** @throws InferenceUnavailableException when the response is not the contract's shape */
    public InferenceResponse readResponse(byte[] json) {
        try {
            InferenceResponse response = mapper.readValue(json, InferenceResponse.class);
            if (response == null) {
                throw new InferenceUnavailableException("inference response is empty");
            }
            return response;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new InferenceUnavailableException("inference response is malformed: "
                    + e.getClass().getSimpleName());
        }
    }

    private static int intField(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidInferenceRequestException(field + ": expected an integer");
        }
        return node.intValue();
    }

    private byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
