package com.scalemodels.recs.loader;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.vectordb.DatabaseLogin;
import com.scalemodels.recs.vectordb.RotatingLogin;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import com.scalemodels.recs.vectordb.VectorDbConfig.Credentials;
import com.scalemodels.recs.vectordb.VectorDbUnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Supplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Opens the loader's single connection. No pool: a run is one long session, and the advisory lock that keeps other
 * loaders out belongs to that session, so every step must run on the same connection.
 *
 * <p>The login is a {@link RotatingLogin}, kept for the life of the connector (a Lambda execution environment): a
 * login the database rejects after a rotation of its secret is read again once and the connect retried.
 */
public final class DatabaseConnector {

    private final VectorDbConfig config;
    private final Supplier<SecretsManagerClient> secrets;
    private RotatingLogin login;

    public DatabaseConnector(VectorDbConfig config) {
        this(config, () -> SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build());
    }

    /** @param secrets builds a Secrets Manager client for one read; closed after it */
    public DatabaseConnector(VectorDbConfig config, Supplier<SecretsManagerClient> secrets) {
        this.config = config;
        this.secrets = secrets;
    }

    public Connection open() {
        int connectSeconds = (int) Math.max(1, config.connectTimeout().toSeconds());
        try {
            return login().connect(l -> {
                Properties props = new Properties();
                props.setProperty("user", l.user());
                props.setProperty("password", l.password());
                props.setProperty("connectTimeout", Integer.toString(connectSeconds));
                props.setProperty("loginTimeout", Integer.toString(connectSeconds));
                props.setProperty("tcpKeepAlive", "true");
                props.setProperty("ApplicationName", "embeddings-loader");
                return DriverManager.getConnection(config.jdbcUrl(), props);
            });
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot connect to the vector database " + redactedUrl() + ": "
                    + e.getMessage(), e);
        } catch (VectorDbUnavailableException | ConfigException e) {
            throw new DatabaseUnavailableException(e.getMessage(), e);
        }
    }

    private synchronized RotatingLogin login() {
        if (login == null) {
            login = new RotatingLogin(config.credentials(), this::resolve);
        }
        return login;
    }

    /**
     * The same login resolution as the inference function's pool, for the loader's own login and the reader's
     * secret. A Secrets Manager client is built only when the credentials name a secret, and closed after the one
     * read; a failure to get a usable login counts as the database being unreachable (exit code 4), as a refused
     * password would.
     */
    Credentials.Static resolve(Credentials credentials) {
        SecretsManagerClient[] built = new SecretsManagerClient[1];
        try {
            return new DatabaseLogin(() -> built[0] = secrets.get()).resolve(credentials);
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
