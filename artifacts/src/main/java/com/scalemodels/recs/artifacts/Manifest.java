package com.scalemodels.recs.artifacts;

import com.scalemodels.recs.features.SessionBlend;
import com.scalemodels.recs.model.Distance;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code manifest.json} of an ML artifact folder (format version 1); see docs/contracts.md. {@code distance} ranks
 * items for a user, {@code itemDistance} items for an item (similar items). {@code sessionBlend} is how a session's
 * browse history moves the user's query, or null when the user vector is the query.
 */
public record Manifest(int formatVersion, String modelVersion, String createdAt, int embeddingDim, Distance distance,
        Distance itemDistance, SessionBlend sessionBlend, FeatureSet userFeatures, FeatureSet itemFeatures,
        Map<String, FileEntry> files) {

    public static final int FORMAT_VERSION = 1;

    public Manifest {
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(distance, "distance");
        Objects.requireNonNull(itemDistance, "itemDistance");
        Objects.requireNonNull(userFeatures, "userFeatures");
        Objects.requireNonNull(itemFeatures, "itemFeatures");
        files = Map.copyOf(files);
    }

    /** Raw columns, in order, the preprocessing file that encodes them, and the encoded width. */
    public record FeatureSet(String preprocessing, List<String> columns, int inputDim) {
        public FeatureSet {
            Objects.requireNonNull(preprocessing, "preprocessing");
            columns = List.copyOf(columns);
        }
    }

    /** The expected lowercase hex SHA-256 and size of one file. */
    public record FileEntry(String sha256, long bytes) {
        public FileEntry {
            Objects.requireNonNull(sha256, "sha256");
        }
    }
}
