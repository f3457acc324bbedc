package com.scalemodels.recs.vectordb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.vectordb.VectorDbConfig.Credentials;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

class DatabaseLoginTest {

    private final SecretsManagerClient secrets = mock(SecretsManagerClient.class);
    private final DatabaseLogin login = new DatabaseLogin(() -> secrets);

    private void secretIs(String json) {
        when(secrets.getSecretValue(any(GetSecretValueRequest.class)))
                .thenReturn(GetSecretValueResponse.builder().secretString(json).build());
    }

    @Test
    void readsTheRdsManagedSecretShape() {
        secretIs("{\"username\": \"recs_reader\", \"password\": \"p@ss\", \"engine\": \"postgres\", \"port\": 5432}");

        Credentials.Static resolved = login.resolve(new Credentials.SecretsManager("rds!db-123"));

        assertThat(resolved).isEqualTo(new Credentials.Static("recs_reader", "p@ss"));
        ArgumentCaptor<GetSecretValueRequest> request = ArgumentCaptor.forClass(GetSecretValueRequest.class);
        Mockito.verify(secrets).getSecretValue(request.capture());
        assertThat(request.getValue().secretId()).isEqualTo("rds!db-123");
    }

    @Test
    void staticCredentialsNeverTouchSecretsManager() {
        DatabaseLogin noAws = new DatabaseLogin(() -> {
            throw new AssertionError("no client for static credentials");
        });

        assertThat(noAws.resolve(new Credentials.Static("u", "p"))).isEqualTo(new Credentials.Static("u", "p"));
    }

    @Test
    void malformedSecretsAreConfigErrorsThatDoNotQuoteTheSecret() {
        secretIs("{\"user\": \"x\", \"password\": \"hunter2\"}");
        assertThatThrownBy(() -> login.resolve(new Credentials.SecretsManager("s1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("s1").hasMessageNotContaining("hunter2");

        secretIs("not json hunter2");
        assertThatThrownBy(() -> login.resolve(new Credentials.SecretsManager("s1")))
                .isInstanceOf(ConfigException.class).hasMessageNotContaining("hunter2");
    }

    @Test
    void anUnreachableSecretsManagerIsAnOutage() {
        when(secrets.getSecretValue(any(GetSecretValueRequest.class)))
                .thenThrow(SdkClientException.create("connect timed out"));

        assertThatThrownBy(() -> login.resolve(new Credentials.SecretsManager("s1")))
                .isInstanceOf(VectorDbUnavailableException.class).hasMessageContaining("s1");
    }

    @Test
    void staticCredentialsHideThePassword() {
        assertThat(new Credentials.Static("u", "hunter2").toString()).doesNotContain("hunter2");
    }
}
