package com.scalemodels.recs.etl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsManagerCredentialsTest {

    @Test
    void readsTheRdsSecretShape() {
        DbCredentials c = SecretsManagerCredentials.parse("id",
                "{\"username\":\"etl\",\"password\":\"p\\\"w\",\"engine\":\"mysql\",\"port\":3306}");
        assertThat(c).isEqualTo(new DbCredentials("etl", "p\"w"));
    }

    @Test
    void errorsNameTheSecretButNeverQuoteIt() {
        assertThatThrownBy(() -> SecretsManagerCredentials.parse("prod/db", "{\"username\":\"etl\"}"))
                .hasMessageContaining("prod/db").hasMessageContaining("password: required");
        assertThatThrownBy(() -> SecretsManagerCredentials.parse("prod/db", "not json s3cret"))
                .hasMessageContaining("prod/db").hasMessageNotContaining("s3cret").hasNoCause();
    }

    @Test
    void usesTheSecretOnlyWhenAnIdIsGiven() {
        CredentialsResolver resolver = new CredentialsResolver(id -> new DbCredentials("from-" + id, "x"));
        JobArgumentsParser parser = new JobArgumentsParser();
        assertThat(resolver.resolve(parser.parse("--source-jdbc-url", "jdbc:mysql://h/db",
                "--source-secret-id", "s1", "--target-path", "file:///t")).user()).isEqualTo("from-s1");
        assertThat(resolver.resolve(parser.parse("--source-jdbc-url", "jdbc:mysql://h/db",
                "--source-user", "u", "--source-password", "", "--target-path", "file:///t")))
                .isEqualTo(new DbCredentials("u", ""));
    }
}
