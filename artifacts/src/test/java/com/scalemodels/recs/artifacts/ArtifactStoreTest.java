package com.scalemodels.recs.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.features.UserFeatures;
import com.scalemodels.recs.model.Distance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {

    @TempDir
    Path tmp;
    Path folder;
    Path cache;
    ArtifactFixture fixture;

    @BeforeEach
    void setUp() {
        folder = tmp.resolve("artifacts");
        cache = tmp.resolve("cache");
        fixture = new ArtifactFixture("classicmodels-2026-11-21-s42");
    }

    private void writeFolder() {
        fixture.writeTo((path, content) -> {
            try {
                Files.createDirectories(folder.resolve(path).getParent());
                Files.write(folder.resolve(path), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private ArtifactStore store() {
        return ArtifactStore.forUri(folder.toUri(), cache, () -> {
            throw new AssertionError("no S3 client for file://");
        });
    }

    private void assertNoUsableCacheOrTempLeft() throws IOException {
        if (Files.exists(cache)) {
            try (Stream<Path> entries = Files.list(cache)) {
                assertThat(entries).isEmpty();
            }
        }
    }

    @Test
    void loadsVerifiesAndCachesUnderTheModelVersion() throws IOException {
        writeFolder();

        ModelArtifacts artifacts = store().load();

        Manifest m = artifacts.manifest();
        assertThat(m.modelVersion()).isEqualTo("classicmodels-2026-11-21-s42");
        assertThat(m.embeddingDim()).isEqualTo(2);
        assertThat(m.distance()).isEqualTo(Distance.INNER_PRODUCT);
        assertThat(artifacts.directory()).isEqualTo(cache.resolve("classicmodels-2026-11-21-s42"));
        assertThat(Files.readAllBytes(artifacts.file("model/user_tower.pt")))
                .isEqualTo(fixture.files.get("model/user_tower.pt"));
        assertThat(artifacts.userEncoder().encode(new UserFeatures("Nantes", "France", 83904.5)))
                .containsExactly(0f, 1f, 1f, 0f, 0f);
        assertThat(artifacts.itemEncoder().width()).isEqualTo(7);
        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("classicmodels-2026-11-21-s42");
        }
    }

    @Test
    void aCacheHitReadsNothingButTheManifest() throws IOException {
        writeFolder();
        store().load();
        for (String path : fixture.files.keySet()) {
            Files.delete(folder.resolve(path));
        }

        ModelArtifacts again = store().load();

        assertThat(Files.readAllBytes(again.file("model/item_tower.pt")))
                .isEqualTo(fixture.files.get("model/item_tower.pt"));
    }

    @Test
    void aDamagedCacheIsDownloadedAgain() throws IOException {
        writeFolder();
        ModelArtifacts first = store().load();
        Files.write(first.file("model/user_tower.pt"), new byte[10]);

        ModelArtifacts second = store().load();

        assertThat(Files.readAllBytes(second.file("model/user_tower.pt")))
                .isEqualTo(fixture.files.get("model/user_tower.pt"));
    }

    @Test
    void anUnverifiedDirectoryFromAnEarlierCrashIsReplaced() throws IOException {
        writeFolder();
        Path stale = cache.resolve("classicmodels-2026-11-21-s42");
        Files.createDirectories(stale.resolve("model"));
        Files.write(stale.resolve("model/user_tower.pt"), new byte[] {1, 2, 3});

        ModelArtifacts artifacts = store().load();

        assertThat(Files.readAllBytes(artifacts.file("model/user_tower.pt")))
                .isEqualTo(fixture.files.get("model/user_tower.pt"));
        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("classicmodels-2026-11-21-s42");
        }
    }

    @Test
    void aChangedManifestForTheSameVersionIsNotServedFromTheOldCache() throws IOException {
        writeFolder();
        store().load();
        fixture.files.put("model/user_tower.pt", new byte[] {42});
        writeFolder();

        ModelArtifacts artifacts = store().load();

        assertThat(Files.readAllBytes(artifacts.file("model/user_tower.pt"))).containsExactly(42);
    }

    @Test
    void aCorruptFileIsRejectedByNameAndNothingIsCached() throws IOException {
        writeFolder();
        byte[] corrupt = fixture.files.get("model/user_tower.pt").clone();
        corrupt[100] ^= 1;
        Files.write(folder.resolve("model/user_tower.pt"), corrupt);

        assertThatThrownBy(() -> store().load())
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessageContaining("model/user_tower.pt")
                .hasMessageContaining("sha256 mismatch");
        assertNoUsableCacheOrTempLeft();
    }

    @Test
    void aMissingFileIsRejectedByName() throws IOException {
        writeFolder();
        Files.delete(folder.resolve("embeddings/user_embeddings.csv"));

        assertThatThrownBy(() -> store().load())
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessageContaining("embeddings/user_embeddings.csv: not found");
        assertNoUsableCacheOrTempLeft();
    }

    @Test
    void truncatedAndOverlongFilesAreRejectedByName() throws IOException {
        writeFolder();
        byte[] full = fixture.files.get("model/item_tower.pt");
        Files.write(folder.resolve("model/item_tower.pt"), Arrays.copyOf(full, full.length - 1));

        assertThatThrownBy(() -> store().load())
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessageContaining("model/item_tower.pt: 29999 bytes, manifest.json says 30000");

        Files.write(folder.resolve("model/item_tower.pt"), Arrays.copyOf(full, full.length + 1));
        assertThatThrownBy(() -> store().load())
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessageContaining("model/item_tower.pt: longer than the 30000 bytes");
        assertNoUsableCacheOrTempLeft();
    }

    @Test
    void aMissingManifestIsAClearError() {
        assertThatThrownBy(() -> store().load())
                .isInstanceOf(InvalidArtifactsException.class)
                .hasMessageContaining("manifest.json: not found");
    }
}
