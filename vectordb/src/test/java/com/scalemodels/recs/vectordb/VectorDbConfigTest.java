package com.scalemodels.recs.vectordb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.config.Environment;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorDbConfigTest {

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("VECTOR_DB_JDBC_URL", "jdbc:postgresql://db:5432/vectors");
        env.put("VECTOR_DB_SECRET_ID", "arn:aws:secretsmanager:us-east-1:123:secret:db");
        return env;
    }

    @Test
    void missingCredentialsNameBothOptions() {
        Map<String, String> env = env();
        env.remove("VECTOR_DB_SECRET_ID");

        assertThatThrownBy(() -> VectorDbConfig.fromEnvironment(new Environment(env)))
                .hasMessageContaining("VECTOR_DB_SECRET_ID")
                .hasMessageContaining("VECTOR_DB_USER");
    }

    @Test
    void nonIntegerIsRejectedWithoutEchoingTheValue() {
        Map<String, String> env = env();
        env.put("VECTOR_DB_POOL_SIZE", "two-secret");

        assertThatThrownBy(() -> VectorDbConfig.fromEnvironment(new Environment(env)))
                .hasMessageContaining("VECTOR_DB_POOL_SIZE")
                .hasMessageNotContaining("two-secret");
    }

    @Test
    void staticCredentialsNeverPrintThePassword() {
        Map<String, String> env = env();
        env.remove("VECTOR_DB_SECRET_ID");
        env.put("VECTOR_DB_USER", "app");
        env.put("VECTOR_DB_PASSWORD", "hunter2");

        VectorDbConfig db = VectorDbConfig.fromEnvironment(new Environment(env));

        assertThat(db.credentials()).isEqualTo(new VectorDbConfig.Credentials.Static("app", "hunter2"));
        assertThat(db.toString()).doesNotContain("hunter2").contains("app");
    }
}
