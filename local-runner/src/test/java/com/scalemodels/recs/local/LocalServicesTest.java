package com.scalemodels.recs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalServicesTest {

    @Test
    void defaultsAreThoseOfScriptsLocalServices() {
        LocalServices s = LocalServices.fromEnvironment(Map.of());
        assertThat(s.mysqlUrl("classicmodels_local")).isEqualTo("jdbc:mysql://127.0.0.1:53306/classicmodels_local");
        assertThat(s.mysqlServerUrl()).isEqualTo("jdbc:mysql://127.0.0.1:53306/");
        assertThat(s.pgUrl("recs_local")).isEqualTo("jdbc:postgresql://127.0.0.1:55432/recs_local");
        assertThat(s.mysqlUser()).isEqualTo("recs");
        assertThat(s.pgPassword()).isEqualTo("recs");
    }

    @Test
    void theEnvironmentWinsAndQueryParametersAreKept() {
        LocalServices s = LocalServices.fromEnvironment(Map.of(
                "RECS_MYSQL_JDBC_URL", "jdbc:mysql://db:3306/other?useSSL=false",
                "RECS_PG_PORT", "6543", "RECS_PG_USER", "me"));
        assertThat(s.mysqlUrl("x1")).isEqualTo("jdbc:mysql://db:3306/x1?useSSL=false");
        assertThat(s.mysqlServerUrl()).isEqualTo("jdbc:mysql://db:3306/?useSSL=false");
        assertThat(s.pgUrl("x1")).isEqualTo("jdbc:postgresql://127.0.0.1:6543/x1");
        assertThat(s.pgUser()).isEqualTo("me");
        assertThat(LocalServices.redact("jdbc:mysql://db/x?password=secret")).isEqualTo("jdbc:mysql://db/x");
    }

    @Test
    void databaseNamesMustBePlainIdentifiers() {
        assertThatThrownBy(() -> LocalServices.checkDatabaseName("x`; DROP")).isInstanceOf(
                IllegalArgumentException.class);
        assertThat(LocalServices.checkDatabaseName("recs_local_it_1")).isEqualTo("recs_local_it_1");
    }
}
