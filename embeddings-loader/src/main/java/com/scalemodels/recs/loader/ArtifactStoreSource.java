package com.scalemodels.recs.loader;

import com.scalemodels.recs.artifacts.ArtifactStore;
import com.scalemodels.recs.artifacts.ArtifactsUnavailableException;
import com.scalemodels.recs.artifacts.InvalidArtifactsException;
import com.scalemodels.recs.artifacts.Manifest;
import com.scalemodels.recs.artifacts.ModelArtifacts;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Embeddings through the artifacts module's store: the folder ({@code s3://} or {@code file://}) is brought into
 * the local cache with every file's size and SHA-256 checked against {@code manifest.json}, so the loader only ever
 * reads verified files and there is one manifest parser in the codebase.
 *
 * <p>Artifacts that are missing, corrupt or malformed ({@link InvalidArtifactsException}) are invalid input (exit
 * code 3, database untouched). A source or cache that cannot be read or written is an outage, not bad input, and
 * stays an {@link ArtifactsUnavailableException}.
 */
public final class ArtifactStoreSource implements EmbeddingsSource {

    static final String ITEM_CSV = "embeddings/item_embeddings.csv";
    static final String USER_CSV = "embeddings/user_embeddings.csv";

    private final ArtifactStore store;

    public ArtifactStoreSource(ArtifactStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** @param s3 called only for {@code s3://} URIs, so file:// runs never build an AWS client */
    public static ArtifactStoreSource forUri(URI artifacts, Path cacheDir, Supplier<S3Client> s3) {
        return new ArtifactStoreSource(ArtifactStore.forUri(artifacts, cacheDir, s3));
    }

    @Override
    public EmbeddingsArtifacts resolve() {
        try {
            ModelArtifacts artifacts = store.load();
            Manifest manifest = artifacts.manifest();
            if (manifest.embeddingDim() > EmbeddingsArtifacts.MAX_DIM) {
                throw invalid("manifest.json: embedding_dim " + manifest.embeddingDim() + " is above "
                        + EmbeddingsArtifacts.MAX_DIM + ", the most a pgvector HNSW index takes");
            }
            Optional<Path> metrics = manifest.files().containsKey(ModelMetrics.FILE)
                    ? Optional.of(artifacts.file(ModelMetrics.FILE)) : Optional.empty();
            return new EmbeddingsArtifacts(manifest.modelVersion(), manifest.embeddingDim(), manifest.distance(),
                    manifest.itemDistance(), artifacts.file(ITEM_CSV), artifacts.file(USER_CSV), metrics);
        } catch (InvalidArtifactsException e) {
            throw invalid(e.getMessage());
        }
    }

    private static InvalidEmbeddingsException invalid(String message) {
        Problems problems = new Problems();
        problems.add("artifacts", 0, message);
        return new InvalidEmbeddingsException(problems);
    }
}
