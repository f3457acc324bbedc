package com.scalemodels.recs.etl;

import com.scalemodels.recs.json.Fields;
import com.scalemodels.recs.json.InvalidFieldException;
import com.scalemodels.recs.json.Json;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * Reads a JSON secret {@code {"username":…,"password":…}} (the RDS-managed secret shape) with the project's JSON
 * reader (on Glue, over the Jackson that Spark brings) and the JDK HTTP client, not Netty/Apache HTTP.
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
        try {
            Fields secret = Fields.root(Json.read(secretJson), "JSON");
            String password = secret.optionalText("password", Integer.MAX_VALUE);
            if (password == null) {
                throw Fields.required("password");
            }
            return new DbCredentials(secret.requiredText("username"), password);
        } catch (InvalidFieldException e) {
            // The message names a field or a position, never the secret's text; no cause is attached for that reason.
            throw new IllegalStateException("secret " + secretId + ": " + e.getMessage());
        }
    }
}
