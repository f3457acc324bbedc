package com.scalemodels.recs.etl;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failsafe runs this against the packaged (shaded) jar: it checks that the relocated AWS SDK still builds a
 * client, signs a request and parses the answer, using a local fake of the Secrets Manager endpoint.
 */
class SecretsManagerCredentialsIT {

    private static final Map<String, String> AWS_PROPERTIES = Map.of(
            "aws.region", "eu-west-1", "aws.accessKeyId", "AKIDEXAMPLE", "aws.secretAccessKey", "fake-secret-key");

    private HttpServer server;
    private final AtomicReference<String> target = new AtomicReference<>();
    private final AtomicReference<String> requestBody = new AtomicReference<>();

    @BeforeEach
    void startFakeEndpoint() throws IOException {
        AWS_PROPERTIES.forEach(System::setProperty);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            target.set(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf\","
                    + "\"Name\":\"db\",\"SecretString\":\"{\\\"username\\\":\\\"etl\\\","
                    + "\\\"password\\\":\\\"pw\\\",\\\"engine\\\":\\\"mysql\\\"}\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopFakeEndpoint() {
        server.stop(0);
        AWS_PROPERTIES.keySet().forEach(System::clearProperty);
    }

    @Test
    void fetchesAndParsesTheSecretThroughTheShadedSdk() {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

        DbCredentials credentials = SecretsManagerCredentials.fetch("prod/classicmodels", Optional.of(endpoint));

        assertThat(credentials).isEqualTo(new DbCredentials("etl", "pw"));
        assertThat(target.get()).isEqualTo("secretsmanager.GetSecretValue");
        assertThat(requestBody.get()).contains("\"SecretId\":\"prod/classicmodels\"");
    }
}
