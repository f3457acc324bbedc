package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.config.ConfigException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactFolderSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFieldsTheLoaderNeeds() throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "{\"format_version\": 1, \"model_version\": \"m-1\","
                + " \"embedding_dim\": 32, \"distance\": \"cosine\", \"files\": {}}");
        EmbeddingsArtifacts a = ArtifactFolderSource.forUri(dir.toUri()).resolve();
        assertThat(a.modelVersion()).isEqualTo("m-1");
        assertThat(a.embeddingDim()).isEqualTo(32);
        assertThat(a.distance()).isEqualTo(Distance.COSINE);
        assertThat(a.itemEmbeddings()).isEqualTo(dir.resolve("embeddings/item_embeddings.csv"));
        assertThat(a.userEmbeddings()).isEqualTo(dir.resolve("embeddings/user_embeddings.csv"));
    }

    @Test
    void reportsEveryManifestProblem() throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "{\"format_version\": 2, \"embedding_dim\": 4000,"
                + " \"distance\": \"l2\"}");
        assertThatThrownBy(() -> new ArtifactFolderSource(dir).resolve())
                .isInstanceOf(InvalidEmbeddingsException.class)
                .hasMessageContaining("4 problems")
                .hasMessageContaining("format_version must be 1")
                .hasMessageContaining("model_version must be")
                .hasMessageContaining("embedding_dim must be an integer from 1 to 2000")
                .hasMessageContaining("distance must be \"inner_product\" or \"cosine\", got \"l2\"");
    }

    @Test
    void reportsMissingAndBrokenManifests() throws Exception {
        assertThatThrownBy(() -> new ArtifactFolderSource(dir).resolve())
                .isInstanceOf(InvalidEmbeddingsException.class).hasMessageContaining("manifest.json: not found");
        Files.writeString(dir.resolve("manifest.json"), "{\"model_version\": ");
        assertThatThrownBy(() -> new ArtifactFolderSource(dir).resolve())
                .isInstanceOf(InvalidEmbeddingsException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void refusesS3UntilTheArtifactStoreIsMerged() {
        assertThatThrownBy(() -> ArtifactFolderSource.forUri(URI.create("s3://bucket/prefix")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("s3://");
    }
}
