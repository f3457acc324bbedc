package com.scalemodels.recs.etl;

import com.scalemodels.recs.testing.JdbcSettings;
import com.scalemodels.recs.testing.LocalDatabases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** A uniquely named MariaDB database on the shared local server, dropped on close. */
final class ScratchDatabase implements AutoCloseable {

    // A script must not switch or create databases: it is loaded into this one.
    private static final Pattern USE_OR_CREATE_DB =
            Pattern.compile("(?im)^\\s*(USE\\s+\\S+|CREATE\\s+DATABASE[^;]*);\\s*$");

    private final JdbcSettings server;
    private final String name;
    private final JdbcSettings settings;

    private ScratchDatabase(JdbcSettings server, String name) {
        this.server = server;
        this.name = name;
        this.settings = server.withDatabase(name);
    }

    static ScratchDatabase create(String purpose) throws SQLException {
        JdbcSettings server = LocalDatabases.mariadb();
        String name = ("glue_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
                .toLowerCase(Locale.ROOT);
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        }
        return new ScratchDatabase(server, name);
    }

    JdbcSettings settings() {
        return settings;
    }

    /** Runs a whole SQL script in one round trip; the server parses it, so quotes and semicolons are safe. */
    void runScript(Path script) throws IOException, SQLException {
        runSql(Files.readString(script, StandardCharsets.UTF_8));
    }

    void runResource(String resource) throws IOException, SQLException {
        try (var in = ScratchDatabase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no test resource " + resource);
            }
            runSql(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    void runSql(String sql) throws SQLException {
        String cleaned = USE_OR_CREATE_DB.matcher(sql).replaceAll("");
        String url = settings.url() + (settings.url().contains("?") ? "&" : "?") + "allowMultiQueries=true";
        try (Connection c = new JdbcSettings(url, settings.user(), settings.password()).connect();
             Statement st = c.createStatement()) {
            boolean more = st.execute(cleaned);
            // Walk every result so a failing statement anywhere in the script surfaces here.
            while (more || st.getUpdateCount() != -1) {
                more = st.getMoreResults();
            }
        }
    }

    long queryLong(String sql) throws SQLException {
        try (Connection c = settings.connect(); Statement st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + name + "`");
        }
    }
}
