package com.scalemodels.recs.loader;

import com.scalemodels.recs.config.VectorDbConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens the loader's single connection. No pool: a run is one long session, and the advisory lock that keeps other
 * loaders out belongs to that session, so every step must run on the same connection.
 */
public final class DatabaseConnector {

    private final VectorDbConfig config;
    private final LoginResolver logins;

    public DatabaseConnector(VectorDbConfig config, LoginResolver logins) {
        this.config = config;
        this.logins = logins;
    }

    public Connection open() {
        Login login = logins.resolve(config.credentials());
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

    /** The URL without its query string, which may carry a password. */
    public String redactedUrl() {
        int q = config.jdbcUrl().indexOf('?');
        return q < 0 ? config.jdbcUrl() : config.jdbcUrl().substring(0, q);
    }
}
