package com.scalemodels.recs.local;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * JDBC settings of the local servers that {@code scripts/local-services.sh} runs. Same variables and defaults as
 * test-support's LocalDatabases (replicated: main code does not depend on a test library); the database in each
 * URL is replaced by the runner's own, so it never touches the databases the tests or a user's data use.
 */
public record LocalServices(String mysqlUrl, String mysqlUser, String mysqlPassword, String pgUrl, String pgUser,
        String pgPassword) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public static LocalServices fromEnvironment(Map<String, String> env) {
        return new LocalServices(
                env.getOrDefault("RECS_MYSQL_JDBC_URL", "jdbc:mysql://127.0.0.1:"
                        + env.getOrDefault("RECS_MARIADB_PORT", "53306") + "/classicmodels"),
                env.getOrDefault("RECS_MYSQL_USER", "recs"),
                env.getOrDefault("RECS_MYSQL_PASSWORD", "recs"),
                env.getOrDefault("RECS_PG_JDBC_URL", "jdbc:postgresql://127.0.0.1:"
                        + env.getOrDefault("RECS_PG_PORT", "55432") + "/recs"),
                env.getOrDefault("RECS_PG_USER", "recs"),
                env.getOrDefault("RECS_PG_PASSWORD", "recs"));
    }

    public String mysqlUrl(String database) {
        return withDatabase(mysqlUrl, database);
    }

    /** The MariaDB server without a current database, for CREATE/DROP DATABASE. */
    public String mysqlServerUrl() {
        String withDb = withDatabase(mysqlUrl, "x");
        int q = withDb.indexOf('?');
        return q < 0 ? withDb.substring(0, withDb.length() - 1) : withDb.substring(0, q - 1) + withDb.substring(q);
    }

    public String pgUrl(String database) {
        return withDatabase(pgUrl, database);
    }

    /** Database names go into DDL, so only plain lower-case identifiers are accepted. */
    public static String checkDatabaseName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
        }
        return name;
    }

    /** {@code jdbc:x://host:port/db?query} with {@code db} replaced (or added). */
    static String withDatabase(String url, String database) {
        checkDatabaseName(database);
        int hostStart = url.indexOf("//");
        if (hostStart < 0) {
            throw new IllegalArgumentException("not a jdbc:<driver>://host/db URL: " + url);
        }
        int query = url.indexOf('?', hostStart);
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', hostStart + 2);
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return hostPart + "/" + database + params;
    }

    /** The URL without its query string (which may hold a password), for logs. */
    static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
