package com.scalemodels.recs.inference.contract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.scalemodels.recs.json.Fields;
import com.scalemodels.recs.json.InvalidFieldException;
import com.scalemodels.recs.json.Json;
import com.scalemodels.recs.session.DecodeResult;
import com.scalemodels.recs.session.SessionDecoder;
import com.scalemodels.recs.session.SessionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON of the request and response between the Lambdas. Requests are read with {@link Json#read} and their
 * sessions validated with the same rules as Kinesis records, because the inference function is also reachable
 * on its own. Every path that answers a request (the deployed batch handler, the in-process client of the local
 * runner and the tests) reads it here. Thread-safe.
 */
public final class InferenceCodec {

    private final SessionDecoder sessions = new SessionDecoder();

    public byte[] writeRequest(InferenceRequest request) {
        return Json.write(request);
    }

    public byte[] writeResponse(InferenceResponse response) {
        return Json.write(response);
    }

    /** @throws InvalidFieldException naming the first bad field: {@code sessions[3].customer_number: required} */
    public InferenceRequest readRequest(byte[] json) {
        Fields request = Fields.root(Json.read(json), "request");
        String id = request.requiredText("request_id");
        int k = request.requiredInt("k", 1, InferenceRequest.MAX_K);
        int similarK = request.requiredInt("similar_k", 0, InferenceRequest.MAX_K);
        ArrayNode array = request.requiredArray("sessions", 0, Integer.MAX_VALUE);
        List<SessionEvent> events = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            DecodeResult result = sessions.validate(array.get(i));
            if (result instanceof DecodeResult.Rejected rejected) {
                throw new InvalidFieldException("sessions[" + i + "]." + rejected.reason());
            }
            events.add(((DecodeResult.Valid) result).event());
        }
        return new InferenceRequest(id, k, similarK, events);
    }

    /** @throws InferenceUnavailableException when the response is not the contract's shape */
    public InferenceResponse readResponse(byte[] json) {
        try {
            return Json.read(json, InferenceResponse.class);
        } catch (InvalidFieldException e) {
            throw new InferenceUnavailableException("inference response is malformed: " + e.getMessage());
        }
    }
}
