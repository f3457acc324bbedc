package com.scalemodels.recs.vectordb;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.json.Fields;
import com.scalemodels.recs.json.InvalidFieldException;
import com.scalemodels.recs.json.Json;
import com.scalemodels.recs.vectordb.VectorDbConfig.Credentials;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * Turns configured {@link Credentials} into a user and password: at pool creation, and again when
 * {@link RotatingLogin} meets a rotated secret. Secrets Manager secrets have the RDS-managed shape
 * {@code {"username": …, "password": …}}; other keys (engine, host…) are ignored.
 */
public final class DatabaseLogin {

    private final Supplier<SecretsManagerClient> secrets;
    private SecretsManagerClient client;

    /**
     * @param secrets called only for {@link Credentials.SecretsManager}, so local runs build no AWS client; at most
     *     once, the client is kept for later reads
     */
    public DatabaseLogin(Supplier<SecretsManagerClient> secrets) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    public Credentials.Static resolve(Credentials credentials) {
        if (credentials instanceof Credentials.Static s) {
            return s;
        }
        String secretId = ((Credentials.SecretsManager) credentials).secretId();
        String json;
        try {
            json = client().getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build())
                    .secretString();
        } catch (SdkException e) {
            throw new VectorDbUnavailableException("cannot read secret " + secretId + " from Secrets Manager: "
                    + e.getClass().getSimpleName(), e);
        }
        String malformed = "secret " + secretId + " must be a JSON object with string fields username and password";
        if (json == null) {
            throw new ConfigException(malformed);
        }
        try {
            Fields secret = Fields.root(Json.read(json), "secret");
            String user = secret.requiredText("username");
            String password = secret.optionalText("password", Integer.MAX_VALUE);
            if (password == null) {
                throw Fields.required("password");
            }
            return new Credentials.Static(user, password);
        } catch (InvalidFieldException e) {
            throw new ConfigException(malformed);
        }
    }

    private synchronized SecretsManagerClient client() {
        if (client == null) {
            client = secrets.get();
        }
        return client;
    }
}
