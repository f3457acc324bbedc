package com.scalemodels.recs.etl;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JSON secret {@code {"username":…,"password":…}} (the RDS-managed secret shape). Uses the SDK's own JSON
 * parser and the JDK HTTP client so the jar needs neither Jackson (Glue's Spark brings a version we must not
 * fight) nor Netty/Apache HTTP.
 */
final class SecretsManagerCredentials {

    private SecretsManagerCredentials() {
    }

    static DbCredentials fetch(String secretId) {
        return fetch(secretId, Optional.empty());
    }

    /**
     * Region and credentials come from the Glue job's environment and IAM role. The endpoint override is for the
     * test that checks the relocated SDK in the shaded jar against a local fake; it takes only JDK types so that
     * test compiles against the unrelocated names.
     */
    static DbCredentials fetch(String secretId, Optional<URI> endpointOverride) {
        var builder = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create());
        endpointOverride.ifPresent(builder::endpointOverride);
        try (SecretsManagerClient client = builder.build()) {
            String secret = client.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build())
                    .secretString();
            return parse(secretId, secret);
        }
    }

    static DbCredentials parse(String secretId, String secretJson) {
        if (secretJson == null) {
            throw new IllegalStateException("secret " + secretId + " has no string value");
        }
        JsonNode node;
        try {
            node = JsonNode.parser().parse(secretJson);
        } catch (RuntimeException e) {
            // Never attach the cause: its message could quote the secret.
            throw new IllegalStateException("secret " + secretId + " is not JSON");
        }
        if (!node.isObject()) {
            throw new IllegalStateException("secret " + secretId + " is not a JSON object");
        }
        Map<String, JsonNode> fields = node.asObject();
        return new DbCredentials(text(fields, secretId, "username"), text(fields, secretId, "password"));
    }

    private static String text(Map<String, JsonNode> fields, String secretId, String key) {
        JsonNode value = fields.get(key);
        if (value == null || !value.isString()) {
            throw new IllegalStateException("secret " + secretId + " has no string field '" + key + "'");
        }
        return value.asString();
    }
}
