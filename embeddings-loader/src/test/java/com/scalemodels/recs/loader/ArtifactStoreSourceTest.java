package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.artifacts.ArtifactsUnavailableException;
import com.scalemodels.recs.model.Distance;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreSourceTest {

    @TempDir
    Path tmp;

    private EmbeddingsSource source(Path dir) {
        return TestArtifacts.source(dir, tmp.resolve("cache"));
    }

    @Test
    void resolvesToVerifiedCopiesInTheCache() throws Exception {
        Path dir = TestArtifacts.write(tmp.resolve("a"), "m-1", "A", 1, 3, 2, 4, 1);
        EmbeddingsArtifacts a = source(dir).resolve();
        assertThat(a.modelVersion()).isEqualTo("m-1");
        assertThat(a.embeddingDim()).isEqualTo(4);
        assertThat(a.distance()).isEqualTo(Distance.INNER_PRODUCT);
        assertThat(a.itemEmbeddings()).isEqualTo(tmp.resolve("cache/m-1/embeddings/item_embeddings.csv"));
        assertThat(a.userEmbeddings()).isEqualTo(tmp.resolve("cache/m-1/embeddings/user_embeddings.csv"));
        assertThat(a.itemEmbeddings()).hasSameTextualContentAs(dir.resolve("embeddings/item_embeddings.csv"));
    }

    @Test
    void aFileThatDoesNotMatchItsSha256IsInvalidInput() throws Exception {
        Path dir = TestArtifacts.write(tmp.resolve("a"), "m-1", "A", 1, 3, 2, 4, 1);
        Path csv = dir.resolve("embeddings/user_embeddings.csv");
        byte[] bytes = Files.readAllBytes(csv);
        bytes[bytes.length - 3] ^= 1; // same size, other content
        Files.write(csv, bytes);
        assertThatThrownBy(() -> source(dir).resolve())
                .isInstanceOf(InvalidEmbeddingsException.class)
                .hasMessageContaining("embeddings/user_embeddings.csv: sha256 mismatch");
        assertThat(tmp.resolve("cache/m-1")).doesNotExist();
    }

    @Test
    void missingOrMalformedManifestsAndUnlistedCsvsAreInvalidInput() throws Exception {
        Path dir = tmp.resolve("a");
        Files.createDirectories(dir);
        assertThatThrownBy(() -> source(dir).resolve()).isInstanceOf(InvalidEmbeddingsException.class)
                .hasMessageContaining("manifest.json: not found");
        Files.writeString(dir.resolve("manifest.json"), "{\"model_version\": ");
        assertThatThrownBy(() -> source(dir).resolve()).isInstanceOf(InvalidEmbeddingsException.class)
                .hasMessageContaining("JSON: malformed");

        TestArtifacts.write(dir, "m-2", "A", 1, 3, 2, 4, 1);
        Files.delete(dir.resolve("embeddings/user_embeddings.csv"));
        TestArtifacts.seal(dir, "m-2", 4);
        assertThatThrownBy(() -> source(dir).resolve()).isInstanceOf(InvalidEmbeddingsException.class)
                .hasMessageContaining("embeddings/user_embeddings.csv: not listed in manifest.json of m-2");
    }

    @Test
    void rejectsMoreDimensionsThanAnHnswIndexTakes() throws Exception {
        Path dir = TestArtifacts.write(tmp.resolve("a"), "m-1", "A", 1, 1, 1, 2001, 1);
        assertThatThrownBy(() -> source(dir).resolve()).isInstanceOf(InvalidEmbeddingsException.class)
                .hasMessageContaining("embedding_dim 2001 is above 2000");
    }

    @Test
    void anUnwritableCacheIsAnOutageNotInvalidInput() throws Exception {
        Path dir = TestArtifacts.write(tmp.resolve("a"), "m-1", "A", 1, 3, 2, 4, 1);
        Path notADirectory = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> TestArtifacts.source(dir, notADirectory).resolve())
                .isExactlyInstanceOf(ArtifactsUnavailableException.class).hasMessageContaining("not writable");
    }

    @Test
    void expectingAnotherVersionFailsNamingBoth() throws Exception {
        Path dir = TestArtifacts.write(tmp.resolve("a"), "m-1", "A", 1, 3, 2, 4, 1);
        assertThat(source(dir).expecting("m-1").resolve().modelVersion()).isEqualTo("m-1");
        assertThat(source(dir).expecting("").resolve().modelVersion()).isEqualTo("m-1");
        assertThat(source(dir).expecting(null).resolve().modelVersion()).isEqualTo("m-1");
        assertThatThrownBy(() -> source(dir).expecting("m-2").resolve())
                .isInstanceOf(InvalidEmbeddingsException.class)
                .hasMessageContaining("model_version is \"m-1\" but expected_version is \"m-2\"");
    }
}
