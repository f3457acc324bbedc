package com.scalemodels.recs.testing;

import java.util.Map;

/**
 * The local PostgreSQL+pgvector and MariaDB servers that {@code scripts/local-services.sh start} runs (and that
 * {@code ./mvnw verify} starts before integration tests). The RECS_* variables override the script's defaults,
 * so the same tests run against servers you bring yourself.
 */
public final class LocalDatabases {

    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:55432/recs";
    static final String DEFAULT_MYSQL_URL = "jdbc:mysql://127.0.0.1:53306/classicmodels";

    private LocalDatabases() {
    }

    public static JdbcSettings postgres() {
        return postgres(System.getenv());
    }

    public static JdbcSettings mariadb() {
        return mariadb(System.getenv());
    }

    static JdbcSettings postgres(Map<String, String> env) {
        return new JdbcSettings(
                env.getOrDefault("RECS_PG_JDBC_URL", DEFAULT_PG_URL),
                env.getOrDefault("RECS_PG_USER", "recs"),
                env.getOrDefault("RECS_PG_PASSWORD", "recs"));
    }

    static JdbcSettings mariadb(Map<String, String> env) {
        return new JdbcSettings(
                env.getOrDefault("RECS_MYSQL_JDBC_URL", DEFAULT_MYSQL_URL),
                env.getOrDefault("RECS_MYSQL_USER", "recs"),
                env.getOrDefault("RECS_MYSQL_PASSWORD", "recs"));
    }
}
