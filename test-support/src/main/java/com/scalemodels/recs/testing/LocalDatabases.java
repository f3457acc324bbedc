package com.scalemodels.recs.testing;

import java.util.Map;

/**
 * The local PostgreSQL+pgvector and MariaDB servers that {@code scripts/local-services.sh start} runs (and that
 * {@code ./mvnw verify} starts before integration tests). The RECS_* variables override the script's defaults,
 * so the same tests run against servers you bring yourself; RECS_PG_PORT / RECS_MARIADB_PORT move the script's
 * servers and these defaults together.
 */
public final class LocalDatabases {

    static final String DEFAULT_PG_PORT = "55432";
    static final String DEFAULT_MARIADB_PORT = "53306";

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
                env.getOrDefault("RECS_PG_JDBC_URL", "jdbc:postgresql://127.0.0.1:"
                        + env.getOrDefault("RECS_PG_PORT", DEFAULT_PG_PORT) + "/recs"),
                env.getOrDefault("RECS_PG_USER", "recs"),
                env.getOrDefault("RECS_PG_PASSWORD", "recs"));
    }

    static JdbcSettings mariadb(Map<String, String> env) {
        return new JdbcSettings(
                env.getOrDefault("RECS_MYSQL_JDBC_URL", "jdbc:mysql://127.0.0.1:"
                        + env.getOrDefault("RECS_MARIADB_PORT", DEFAULT_MARIADB_PORT) + "/classicmodels"),
                env.getOrDefault("RECS_MYSQL_USER", "recs"),
                env.getOrDefault("RECS_MYSQL_PASSWORD", "recs"));
    }
}
