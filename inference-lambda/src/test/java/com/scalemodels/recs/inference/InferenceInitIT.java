package com.scalemodels.recs.inference;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.artifacts.InvalidArtifactsException;
import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import com.scalemodels.recs.testing.LocalDatabases;
import com.scalemodels.recs.vectordb.VectorDbUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken environment fails init with one clear cause, never a half-working function. */
class InferenceInitIT {

    @TempDir
    Path work;

    @Test
    void missingVariableIsNamed() {
        assertThatThrownBy(() -> InferenceConfig.fromEnvironment(new Environment(Map.of("ML_ARTIFACTS_URI", "file:///x"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("VECTOR_DB_JDBC_URL");
    }

    @Test
    void unreachableDatabaseFailsInit() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        VectorDbConfig db = VectorDbConfig.of("jdbc:postgresql://127.0.0.1:" + closedPort + "/recs", "recs", "recs");

        assertThatThrownBy(() -> InferenceRuntime.start(SampleCatalog.config(db, work)))
                .isInstanceOf(VectorDbUnavailableException.class);
    }

    @Test
    void missingArtifactIsNamed() throws Exception {
        Path artifacts = copyOfSampleArtifacts();
        Files.delete(artifacts.resolve("model/user_tower.pt"));

        assertThatThrownBy(() -> start(artifacts))
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessageContaining("model/user_tower.pt");
    }

    @Test
    void tamperedArtifactFailsItsChecksum() throws Exception {
        Path artifacts = copyOfSampleArtifacts();
        Path item = artifacts.resolve("model/item_tower.pt");
        byte[] bytes = Files.readAllBytes(item);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(item, bytes);

        assertThatThrownBy(() -> start(artifacts))
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessageContaining("model/item_tower.pt")
                .hasMessageContaining("sha256");
    }

    @Test
    void embeddingDimensionThatTheTowersDoNotProduceFailsInit() throws Exception {
        Path artifacts = copyOfSampleArtifacts();
        Path manifest = artifacts.resolve("manifest.json");
        String json = Files.readString(manifest, StandardCharsets.UTF_8);
        Files.writeString(manifest, json.replace("\"embedding_dim\": 32", "\"embedding_dim\": 16"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> start(artifacts))
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessageContaining("user tower")
                .hasMessageContaining("16");
    }

    private void start(Path artifacts) {
        InferenceConfig sample = SampleCatalog.config(VectorDbConfig.of(LocalDatabases.postgres().url(), "recs", "recs"), work);
        InferenceRuntime.start(new InferenceConfig(URI.create(artifacts.toUri().toString()), work.resolve("cache"),
                sample.vectorDb(), sample.defaultK(), sample.djlCacheDir(), sample.inMemoryCatalogMb())).close();
    }

    private Path copyOfSampleArtifacts() throws IOException {
        Path target = work.resolve("artifacts");
        try (Stream<Path> files = Files.walk(SampleCatalog.ARTIFACTS)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(SampleCatalog.ARTIFACTS.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(source, to);
                }
            }
        }
        return target;
    }
}
