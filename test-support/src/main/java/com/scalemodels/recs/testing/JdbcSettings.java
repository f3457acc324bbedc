package com.scalemodels.recs.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where a local test database listens and how to log in. */
public record JdbcSettings(String url, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Same server, another database name: {@code jdbc:…//host:port/<database>}. */
    public JdbcSettings withDatabase(String database) {
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        int query = url.indexOf('?', slash);
        String tail = query < 0 ? "" : url.substring(query);
        return new JdbcSettings(url.substring(0, slash + 1) + database + tail, user, password);
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + url + ", user=" + user + "]";
    }
}
