package com.scalemodels.recs.inference.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalemodels.recs.enrichment.EnrichedRecordEncoder;
import com.scalemodels.recs.enrichment.Recommendation;
import com.scalemodels.recs.features.UserFeatures;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.recommend.RecommendationService;
import com.scalemodels.recs.json.Fields;
import com.scalemodels.recs.json.InvalidFieldException;
import com.scalemodels.recs.json.Json;
import com.scalemodels.recs.session.SessionLimits;
import com.scalemodels.recs.vectordb.ModelVersionMismatchException;
import com.scalemodels.recs.vectordb.VectorDbUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The original pipeline's HTTP routes, for a Lambda Function URL or an API Gateway HTTP API:
 * <ul>
 *   <li>{@code POST /user_embeddings} — body {@code {"city","country","credit_limit"}} or {@code {"users":[…]}}</li>
 *   <li>{@code POST /items_from_user?limit=} — body: user features, or {@code {"customer_number": N}} for the
 *       stored embedding; optional {@code "exclude": [product codes]}</li>
 *   <li>{@code GET /items_from_item?item_id=&limit=}</li>
 * </ul>
 * {@code limit} defaults to {@code RECS_DEFAULT_K}, at most {@link InferenceRequest#MAX_K}.
 * Errors are JSON {@code {"error": …, "request_id": …}}: 400 for bad input (naming the field and the limit), 404
 * for an unknown item or customer or route, 405 for a wrong method, 503 when the vector DB is unavailable, 500
 * otherwise. A stack trace never leaves the function; it goes to the log.
 */
public final class HttpRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(HttpRoutes.class);
    static final int MAX_EXCLUDE = SessionLimits.MAX_BROWSE_HISTORY;

    private final RecommendationService service;
    private final int defaultLimit;
    private final UserFeaturesReader users = new UserFeaturesReader();

    /** @param defaultLimit items returned when a request names no {@code limit} ({@code RECS_DEFAULT_K}) */
    public HttpRoutes(RecommendationService service, int defaultLimit) {
        this.service = Objects.requireNonNull(service, "service");
        if (defaultLimit < 1 || defaultLimit > InferenceRequest.MAX_K) {
            throw Fields.outOfRange("defaultLimit", 1, InferenceRequest.MAX_K);
        }
        this.defaultLimit = defaultLimit;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, String requestId) {
        String method = event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? "" : event.getRequestContext().getHttp().getMethod();
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        try {
            return switch (path) {
                case "/user_embeddings" -> require("POST", method, () -> userEmbeddings(body(event)));
                case "/items_from_user" -> require("POST", method, () -> itemsFromUser(body(event), limit(event)));
                case "/items_from_item" -> require("GET", method, () -> itemsFromItem(itemId(event), limit(event)));
                default -> throw new HttpError(404, "no route " + path);
            };
        } catch (HttpError e) {
            return error(e.status(), e.getMessage(), requestId);
        } catch (InvalidFieldException e) {
            return error(400, e.getMessage(), requestId);
        } catch (ModelVersionMismatchException e) {
            return error(503, "model version " + e.loaded() + " is not the vector database's live version yet,"
                    + " retry later", requestId);
        } catch (VectorDbUnavailableException e) {
            LOG.error("vector DB unavailable on {}: {}", path, e.getMessage());
            return error(503, "vector database unavailable, retry later", requestId);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure on {}", path, e);
            return error(500, "internal error", requestId);
        }
    }

    private interface Route {
        JsonNode answer();
    }

    private APIGatewayV2HTTPResponse require(String wanted, String method, Route route) {
        if (!wanted.equalsIgnoreCase(method)) {
            throw new HttpError(405, "method " + method + " not allowed: use " + wanted);
        }
        return ok(route.answer());
    }

    private JsonNode userEmbeddings(JsonNode body) {
        List<float[]> embeddings = service.userEmbeddings(users.readMany(body));
        ObjectNode out = versioned();
        ArrayNode array = out.putArray("embeddings");
        for (float[] e : embeddings) {
            ArrayNode row = array.addArray();
            for (float v : e) {
                row.add(v);
            }
        }
        return out;
    }

    private JsonNode itemsFromUser(JsonNode body, int limit) {
        Fields fields = Fields.root(body, "body");
        float[] embedding;
        Integer customer = fields.optionalInt("customer_number", SessionLimits.MIN_CUSTOMER_NUMBER,
                SessionLimits.MAX_CUSTOMER_NUMBER);
        if (customer != null) {
            embedding = service.storedUserEmbedding(customer)
                    .orElseThrow(() -> new HttpError(404, "customer_number " + customer + " not found"));
        } else {
            UserFeatures features = users.readOne(fields);
            embedding = service.userEmbeddings(List.of(features)).get(0);
        }
        ObjectNode out = versioned();
        out.set("items", EnrichedRecordEncoder.items(service.itemsForUser(embedding, exclude(fields), limit)));
        return out;
    }

    private JsonNode itemsFromItem(String itemId, int limit) {
        Optional<List<Recommendation>> similar = service.similarTo(itemId, limit);
        if (similar.isEmpty()) {
            throw new HttpError(404, "item_id " + itemId + " not found");
        }
        ObjectNode out = versioned();
        out.put("product_code", itemId);
        out.set("similar_items", EnrichedRecordEncoder.items(similar.get()));
        return out;
    }

    private static Set<String> exclude(Fields body) {
        ArrayNode exclude = body.optionalArray("exclude", MAX_EXCLUDE);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < exclude.size(); i++) {
            codes.add(body.textElement("exclude", exclude, i, Integer.MAX_VALUE));
        }
        return codes;
    }

    private static JsonNode body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null || body.isBlank()) {
            throw Fields.required("body");
        }
        byte[] bytes = event.getIsBase64Encoded() ? decodeBase64(body) : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > SessionLimits.MAX_PAYLOAD_BYTES) {
            throw new InvalidFieldException("body", bytes.length + " bytes exceeds the limit (limit "
                    + SessionLimits.MAX_PAYLOAD_BYTES + ")");
        }
        try {
            return Json.read(bytes);
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException("body", "not valid JSON (" + e.getMessage() + ")");
        }
    }

    private static byte[] decodeBase64(String body) {
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw Fields.expected("body", "base64");
        }
    }

    private int limit(APIGatewayV2HTTPEvent event) {
        String raw = query(event, "limit");
        return raw == null ? defaultLimit : Fields.parseInt("limit", raw, 1, InferenceRequest.MAX_K);
    }

    private static String itemId(APIGatewayV2HTTPEvent event) {
        String id = query(event, "item_id");
        if (id == null || id.isBlank()) {
            throw Fields.required("item_id");
        }
        if (id.length() > SessionLimits.MAX_PRODUCT_CODE_LENGTH) {
            throw Fields.tooLong("item_id", id.length(), SessionLimits.MAX_PRODUCT_CODE_LENGTH);
        }
        return id;
    }

    private static String query(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> params = event.getQueryStringParameters();
        return params == null ? null : params.get(name);
    }

    private ObjectNode versioned() {
        ObjectNode out = Json.object();
        out.put("model_version", service.modelVersion());
        return out;
    }


    private static APIGatewayV2HTTPResponse ok(JsonNode body) {
        return response(200, body);
    }

    private static APIGatewayV2HTTPResponse error(int status, String message, String requestId) {
        ObjectNode body = Json.object();
        body.put("error", message);
        body.put("request_id", requestId);
        return response(status, body);
    }

    private static APIGatewayV2HTTPResponse response(int status, JsonNode body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(Json.writeString(body))
                .withIsBase64Encoded(false)
                .build();
    }
}
