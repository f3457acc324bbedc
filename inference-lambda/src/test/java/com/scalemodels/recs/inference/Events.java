package com.scalemodels.recs.inference;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.mockito.Mockito;

/** Raw Lambda events as the service sends them, and a way to push them through a handler as bytes. */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** A Lambda Function URL event (payload format 2.0). */
    static byte[] http(String method, String path, Map<String, String> query, String body) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0").put("routeKey", "$default").put("rawPath", path);
        event.put("rawQueryString", query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        event.putObject("headers").put("content-type", "application/json");
        if (!query.isEmpty()) {
            ObjectNode params = event.putObject("queryStringParameters");
            query.forEach(params::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "anonymous").put("apiId", "abc123").put("requestId", "req-1")
                .put("routeKey", "$default").put("stage", "$default").put("timeEpoch", 1_795_000_000_000L);
        context.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1").put("userAgent", "it");
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return bytes(event);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode invoke(BatchInferenceHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, context());
        return JSON.readTree(out.toByteArray());
    }

    /** As the Lambda runtime does for a typed handler: its own serializer turns the bytes into the event and back. */
    static JsonNode invoke(HttpInferenceHandler handler, byte[] event) throws IOException {
        ClassLoader loader = Events.class.getClassLoader();
        PojoSerializer<APIGatewayV2HTTPEvent> in = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, loader);
        PojoSerializer<APIGatewayV2HTTPResponse> out = LambdaEventSerializers.serializerFor(
                APIGatewayV2HTTPResponse.class, loader);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        out.toJson(handler.handleRequest(in.fromJson(new ByteArrayInputStream(event)), context()), bytes);
        return JSON.readTree(bytes.toByteArray());
    }

    static Context context() {
        Context context = Mockito.mock(Context.class);
        Mockito.when(context.getAwsRequestId()).thenReturn("aws-req-1");
        return context;
    }
}
