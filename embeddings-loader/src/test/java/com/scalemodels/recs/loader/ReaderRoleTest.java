package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.config.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReaderRoleTest {

    @Test
    void readsTheRoleAndItsSecret() {
        assertThat(ReaderRole.fromEnvironment(new Environment(Map.of("VECTOR_DB_READER_ROLE", "recs_reader",
                "VECTOR_DB_READER_SECRET_ID", "arn:aws:secretsmanager:us-east-1:1:secret:reader-AbCdEf"))))
                .contains(new ReaderRole("recs_reader", "arn:aws:secretsmanager:us-east-1:1:secret:reader-AbCdEf"));
        assertThat(ReaderRole.fromEnvironment(new Environment(Map.of("VECTOR_DB_READER_ROLE", "recs_reader"))))
                .contains(new ReaderRole("recs_reader", null));
        assertThat(ReaderRole.fromEnvironment(new Environment(Map.of()))).isEmpty();
    }

    @Test
    void refusesNamesThatWouldNeedQuotingAndASecretWithoutARole() {
        for (String bad : new String[] {"Reader", "reader; DROP TABLE item_emb", "r\"x", "1reader", "a".repeat(64)}) {
            assertThatThrownBy(() -> ReaderRole.fromEnvironment(new Environment(Map.of("VECTOR_DB_READER_ROLE", bad))))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("VECTOR_DB_READER_ROLE");
        }
        assertThatThrownBy(() -> ReaderRole.fromEnvironment(new Environment(Map.of("VECTOR_DB_READER_SECRET_ID", "s"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("VECTOR_DB_READER_ROLE");
    }
}
