package com.scalemodels.recs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * An in-process Secrets Manager endpoint on a random loopback port that speaks the GetSecretValue operation of the
 * real protocol (AWS JSON 1.1: {@code POST /}, {@code X-Amz-Target: secretsmanager.GetSecretValue}, body
 * {@code {"SecretId": …}}), so the production code runs its own SDK client against it through an endpoint
 * override. Secret values can change at any time ({@link #put}), as a rotation does; every GetSecretValue is
 * counted per secret id. An unknown id answers {@code ResourceNotFoundException}; any other operation is refused.
 */
public final class FakeSecretsManager implements AutoCloseable {

    private static final String TARGET_PREFIX = "secretsmanager.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final HttpServer server;

    public FakeSecretsManager() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Sets (or replaces) the secret's current value: the JSON string GetSecretValue returns as SecretString. */
    public void put(String secretId, String secretString) {
        values.put(secretId, secretString);
    }

    /** A login secret in the RDS-managed shape {@code {"username", "password"}}. */
    public void putLogin(String secretId, String username, String password) {
        ObjectNode node = JSON.createObjectNode().put("username", username).put("password", password)
                .put("engine", "postgres");
        put(secretId, node.toString());
    }

    /** How many GetSecretValue calls named this secret. */
    public int reads(String secretId) {
        AtomicInteger n = reads.get(secretId);
        return n == null ? 0 : n.get();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A client of this endpoint with dummy credentials; each call builds a new one (close it yourself). */
    public SecretsManagerClient client() {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("local-test-access-key", "local-test-secret-key")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
                error(exchange, 400, "UnknownOperationException", "not a Secrets Manager JSON request");
                return;
            }
            String operation = target.substring(TARGET_PREFIX.length());
            if (!operation.equals("GetSecretValue")) {
                error(exchange, 400, "UnknownOperationException", operation + " is not supported here");
                return;
            }
            String id = body == null || !body.hasNonNull("SecretId") ? null : body.get("SecretId").asText();
            if (id == null) {
                error(exchange, 400, "InvalidParameterException", "SecretId is required");
                return;
            }
            reads.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            String value = values.get(id);
            if (value == null) {
                error(exchange, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
                return;
            }
            ObjectNode response = JSON.createObjectNode()
                    .put("ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + id + "-AbCdEf")
                    .put("Name", id)
                    .put("SecretString", value)
                    .put("VersionId", Integer.toString(value.hashCode()))
                    .put("CreatedDate", System.currentTimeMillis() / 1000.0);
            response.putArray("VersionStages").add("AWSCURRENT");
            send(exchange, 200, response);
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        send(exchange, status, JSON.createObjectNode().put("__type", type).put("message", message));
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
