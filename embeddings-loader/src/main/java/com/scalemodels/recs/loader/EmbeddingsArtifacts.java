package com.scalemodels.recs.loader;

import com.scalemodels.recs.model.Distance;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the loader needs from a model's artifacts: its identity, the vectors' shape and measures, the two local CSV
 * files and, when the manifest lists it, the offline evaluation {@code metrics.json} the quality gate reads.
 *
 * @param distance user → item measure (the HNSW index of both tables)
 * @param itemDistance item → item measure (a second HNSW index on the item table when it differs)
 */
public record EmbeddingsArtifacts(String modelVersion, int embeddingDim, Distance distance, Distance itemDistance,
        Path itemEmbeddings, Path userEmbeddings, Optional<Path> metrics) {

    /** pgvector's HNSW index takes at most 2000 dimensions for the vector type. */
    public static final int MAX_DIM = 2000;

    public EmbeddingsArtifacts {
        Objects.requireNonNull(distance, "distance");
        Objects.requireNonNull(itemDistance, "itemDistance");
        Objects.requireNonNull(metrics, "metrics");
    }

    public Path file(IdKind kind) {
        return kind == IdKind.ITEM ? itemEmbeddings : userEmbeddings;
    }
}
