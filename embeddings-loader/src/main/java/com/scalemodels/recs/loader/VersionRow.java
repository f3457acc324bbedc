package com.scalemodels.recs.loader;

import java.time.OffsetDateTime;

/**
 * One row of embedding_versions.
 *
 * @param itemDistance the item → item measure (rows written before it was recorded: the same as distance)
 * @param metrics what the quality gate read of the version's metrics.json, in its stored form; null when none
 */
public record VersionRow(int tableId, String modelVersion, int embeddingDim, String distance, long itemRows,
        long userRows, OffsetDateTime loadedAt, OffsetDateTime activatedAt, String status, String itemDistance,
        String metrics) {
}
