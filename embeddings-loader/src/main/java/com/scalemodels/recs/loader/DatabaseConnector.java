package com.scalemodels.recs.loader;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import com.scalemodels.recs.vectordb.DatabaseLogin;
import com.scalemodels.recs.vectordb.VectorDbUnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Opens the loader's single connection. No pool: a run is one long session, and the advisory lock that keeps other
 * loaders out belongs to that session, so every step must run on the same connection.
 */
public final class DatabaseConnector {

    private final VectorDbConfig config;

    public DatabaseConnector(VectorDbConfig config) {
        this.config = config;
    }

    public Connection open() {
        VectorDbConfig.Credentials.Static login = login();
        Properties props = new Properties();
        props.setProperty("user", login.user());
        props.setProperty("password", login.password());
        int connectSeconds = (int) Math.max(1, config.connectTimeout().toSeconds());
        props.setProperty("connectTimeout", Integer.toString(connectSeconds));
        props.setProperty("loginTimeout", Integer.toString(connectSeconds));
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", "embeddings-loader");
        try {
            return DriverManager.getConnection(config.jdbcUrl(), props);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot connect to the vector database " + redactedUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The same login resolution as the inference function's pool. A Secrets Manager client is built only when the
     * credentials name a secret, and closed after the one fetch; any failure to get a usable login counts as the
     * database being unreachable (exit code 4), as a refused password would.
     */
    private VectorDbConfig.Credentials.Static login() {
        SecretsManagerClient[] built = new SecretsManagerClient[1];
        try {
            return new DatabaseLogin(() -> built[0] = SecretsManagerClient.builder()
                    .httpClient(UrlConnectionHttpClient.create()).build()).resolve(config.credentials());
        } catch (VectorDbUnavailableException | ConfigException e) {
            throw new DatabaseUnavailableException(e.getMessage(), e);
        } finally {
            if (built[0] != null) {
                built[0].close();
            }
        }
    }

    /** The URL without its query string, which may carry a password. */
    public String redactedUrl() {
        int q = config.jdbcUrl().indexOf('?');
        return q < 0 ? config.jdbcUrl() : config.jdbcUrl().substring(0, q);
    }
}
