package com.scalemodels.recs.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.testing.S3ApiServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The artifact store against a real S3 API (S3Proxy, in-process). */
class S3ArtifactStoreIT {

    @RegisterExtension
    static final S3ApiServer S3 = new S3ApiServer();

    @TempDir
    Path cache;
    String bucket;
    ArtifactFixture fixture;

    @BeforeEach
    void setUp(org.junit.jupiter.api.TestInfo info) {
        bucket = ("ml-" + info.getTestMethod().orElseThrow().getName()).toLowerCase().replaceAll("[^a-z0-9-]", "");
        bucket = bucket.substring(0, Math.min(bucket.length(), 60));
        S3.createBucket(bucket);
        fixture = new ArtifactFixture("classicmodels-v7");
        S3.resetCounts();
    }

    private void upload() {
        fixture.writeTo((path, content) -> S3.put(bucket, "models/current/" + path, content));
        S3.resetCounts();
    }

    private ArtifactStore store() {
        return ArtifactStore.forUri(URI.create("s3://" + bucket + "/models/current"), cache, S3::client);
    }

    private void assertCacheEmpty() throws IOException {
        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void downloadsOnceThenServesFromTheCache() throws IOException {
        upload();

        ModelArtifacts first = store().load();

        assertThat(S3.count("GetObject")).isEqualTo(1 + fixture.files.size());
        assertThat(Files.readAllBytes(first.file("model/user_tower.pt")))
                .isEqualTo(fixture.files.get("model/user_tower.pt"));

        S3.resetCounts();
        S3.delete(bucket, "models/current/model/user_tower.pt");
        ModelArtifacts second = store().load();

        assertThat(S3.count("GetObject")).as("only manifest.json is read on a cache hit").isEqualTo(1);
        assertThat(second.directory()).isEqualTo(first.directory());
        assertThat(Files.readAllBytes(second.file("model/user_tower.pt")))
                .isEqualTo(fixture.files.get("model/user_tower.pt"));
    }

    @Test
    void aCorruptObjectFailsNamingIt() throws IOException {
        upload();
        byte[] corrupt = fixture.files.get("preprocessing/item.json").clone();
        corrupt[0] = ' ';
        S3.put(bucket, "models/current/preprocessing/item.json", corrupt);

        assertThatThrownBy(() -> store().load())
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessageContaining("s3://" + bucket + "/models/current/preprocessing/item.json: sha256 mismatch");
        assertCacheEmpty();
    }

    @Test
    void aMissingObjectFailsNamingIt() throws IOException {
        upload();
        S3.delete(bucket, "models/current/model/item_tower.pt");

        assertThatThrownBy(() -> store().load())
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessageContaining("s3://" + bucket + "/models/current/model/item_tower.pt: not found");
        assertCacheEmpty();
    }

    @Test
    void aTruncatedObjectFailsNamingIt() throws IOException {
        upload();
        byte[] full = fixture.files.get("model/user_tower.pt");
        S3.put(bucket, "models/current/model/user_tower.pt", Arrays.copyOf(full, 1000));

        assertThatThrownBy(() -> store().load())
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessageContaining("model/user_tower.pt: 1000 bytes, manifest.json says 70000");
        assertCacheEmpty();
    }

    @Test
    void aMissingManifestFailsNamingIt() {
        assertThatThrownBy(() -> store().load())
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessageContaining("s3://" + bucket + "/models/current/manifest.json: not found");
    }
}
