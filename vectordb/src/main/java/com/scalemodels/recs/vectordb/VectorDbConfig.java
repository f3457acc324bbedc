package com.scalemodels.recs.vectordb;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.config.Environment;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the PostgreSQL+pgvector database. Credentials come from Secrets Manager on AWS; a user and password
 * from the environment are accepted only for local runs (SAM local, the local runner, tests).
 */
public record VectorDbConfig(String jdbcUrl, Credentials credentials, int poolSize, Duration connectTimeout,
        Duration statementTimeout) {

    public static final int DEFAULT_POOL_SIZE = 2;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(10);

    public VectorDbConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(credentials, "credentials");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("VECTOR_DB_JDBC_URL must start with jdbc:postgresql:");
        }
        if (poolSize < 1) {
            throw new ConfigException("VECTOR_DB_POOL_SIZE must be at least 1");
        }
    }

    public static VectorDbConfig of(String jdbcUrl, String user, String password) {
        return new VectorDbConfig(jdbcUrl, new Credentials.Static(user, password), DEFAULT_POOL_SIZE,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT);
    }

    public VectorDbConfig withPoolSize(int size) {
        return new VectorDbConfig(jdbcUrl, credentials, size, connectTimeout, statementTimeout);
    }

    public static VectorDbConfig fromEnvironment(Environment env) {
        String url = env.required("VECTOR_DB_JDBC_URL");
        Credentials credentials;
        if (env.isSet("VECTOR_DB_SECRET_ID")) {
            credentials = new Credentials.SecretsManager(env.required("VECTOR_DB_SECRET_ID"));
        } else if (env.isSet("VECTOR_DB_USER")) {
            credentials = new Credentials.Static(env.required("VECTOR_DB_USER"), env.required("VECTOR_DB_PASSWORD"));
        } else {
            throw new ConfigException("environment variable VECTOR_DB_SECRET_ID is required but not set"
                    + " (or, for local runs only, VECTOR_DB_USER and VECTOR_DB_PASSWORD)");
        }
        int pool = env.integer("VECTOR_DB_POOL_SIZE", DEFAULT_POOL_SIZE, 1, 64);
        Duration connect = env.millis("VECTOR_DB_CONNECT_TIMEOUT_MS", DEFAULT_CONNECT_TIMEOUT,
                Duration.ofMillis(100), Duration.ofMinutes(5));
        Duration statement = env.millis("VECTOR_DB_STATEMENT_TIMEOUT_MS", DEFAULT_STATEMENT_TIMEOUT,
                Duration.ofMillis(100), Duration.ofHours(2));
        return new VectorDbConfig(url, credentials, pool, connect, statement);
    }

    /** Where the login comes from. {@code toString} never shows a password. */
    public sealed interface Credentials {

        record SecretsManager(String secretId) implements Credentials {
        }

        record Static(String user, String password) implements Credentials {
            @Override
            public String toString() {
                return "Static[user=" + user + ", password=****]";
            }
        }
    }
}
