package com.scalemodels.recs.loader;

import com.scalemodels.recs.model.Distance;
import java.nio.file.Path;

/** What the loader needs from a model's artifacts: its identity, the vectors' shape and the two local CSV files. */
public record EmbeddingsArtifacts(String modelVersion, int embeddingDim, Distance distance, Path itemEmbeddings,
        Path userEmbeddings) {

    /** pgvector's HNSW index takes at most 2000 dimensions for the vector type. */
    public static final int MAX_DIM = 2000;

    public Path file(IdKind kind) {
        return kind == IdKind.ITEM ? itemEmbeddings : userEmbeddings;
    }
}
