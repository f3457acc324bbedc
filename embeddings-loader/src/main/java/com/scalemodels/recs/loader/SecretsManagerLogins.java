package com.scalemodels.recs.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Reads an RDS-style JSON secret {"username":…,"password":…}. Kept apart so local runs never load the AWS SDK. */
final class SecretsManagerLogins {

    private SecretsManagerLogins() {
    }

    static Login fetch(String secretId) {
        String secret;
        try (SecretsManagerClient client = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            secret = client.getSecretValue(b -> b.secretId(secretId)).secretString();
        } catch (SdkException e) {
            throw new DatabaseUnavailableException("cannot read the database secret " + secretId + ": "
                    + e.getClass().getSimpleName(), e);
        }
        try {
            JsonNode json = new ObjectMapper().readTree(secret);
            JsonNode user = json.get("username");
            JsonNode password = json.get("password");
            if (user == null || !user.isTextual() || password == null || !password.isTextual()) {
                throw new DatabaseUnavailableException("secret " + secretId
                        + " must be JSON with string fields username and password", null);
            }
            return new Login(user.textValue(), password.textValue());
        } catch (IOException e) {
            // The parser's message could quote the secret: never pass it on.
            throw new DatabaseUnavailableException("secret " + secretId + " is not JSON", null);
        }
    }
}
