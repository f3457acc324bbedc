package com.scalemodels.recs.loader;

import java.time.OffsetDateTime;

/** One row of embedding_versions. */
public record VersionRow(int tableId, String modelVersion, int embeddingDim, String distance, long itemRows,
        long userRows, OffsetDateTime loadedAt, OffsetDateTime activatedAt, String status) {
}
