package com.scalemodels.recs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalDatabasesTest {

    @Test
    void defaultsMatchTheLocalServicesScript() {
        assertThat(LocalDatabases.postgres(Map.of()))
                .isEqualTo(new JdbcSettings("jdbc:postgresql://127.0.0.1:55432/recs", "recs", "recs"));
        assertThat(LocalDatabases.mariadb(Map.of()))
                .isEqualTo(new JdbcSettings("jdbc:mysql://127.0.0.1:53306/classicmodels", "recs", "recs"));
    }

    @Test
    void environmentOverridesDefaults() {
        JdbcSettings pg = LocalDatabases.postgres(Map.of("RECS_PG_JDBC_URL", "jdbc:postgresql://db:6543/x",
                "RECS_PG_USER", "u", "RECS_PG_PASSWORD", "p"));

        assertThat(pg).isEqualTo(new JdbcSettings("jdbc:postgresql://db:6543/x", "u", "p"));
    }

    @Test
    void portVariablesMoveTheDefaultUrls() {
        Map<String, String> env = Map.of("RECS_PG_PORT", "56432", "RECS_MARIADB_PORT", "56306");

        assertThat(LocalDatabases.postgres(env).url()).isEqualTo("jdbc:postgresql://127.0.0.1:56432/recs");
        assertThat(LocalDatabases.mariadb(env).url()).isEqualTo("jdbc:mysql://127.0.0.1:56306/classicmodels");
    }

    @Test
    void withDatabaseKeepsHostAndQuery() {
        JdbcSettings base = new JdbcSettings("jdbc:mysql://127.0.0.1:53306/classicmodels?useSSL=false", "u", "p");

        assertThat(base.withDatabase("etl_test").url()).isEqualTo("jdbc:mysql://127.0.0.1:53306/etl_test?useSSL=false");
    }

    @Test
    void toStringHidesPassword() {
        assertThat(new JdbcSettings("jdbc:postgresql://h/d", "u", "s3cret").toString()).doesNotContain("s3cret");
    }
}
