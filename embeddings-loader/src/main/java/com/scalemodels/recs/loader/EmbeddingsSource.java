package com.scalemodels.recs.loader;

/**
 * Where a load's embeddings come from. Production uses {@link ArtifactStoreSource} (the artifacts module's verified artifact
 * store); the seam lets a request add checks such as {@link #expecting} without the service knowing about them.
 */
@FunctionalInterface
public interface EmbeddingsSource {

    /**
     * Brings the artifacts to local files and returns what the loader needs of them.
     *
     * @throws InvalidEmbeddingsException when the manifest or a file is missing, corrupt or malformed
     */
    EmbeddingsArtifacts resolve();

    /**
     * This source, failing before any database work when the manifest names another model version than the caller
     * expects (Terraform's {@code expected_version}). Null or empty expects nothing.
     */
    default EmbeddingsSource expecting(String modelVersion) {
        if (modelVersion == null || modelVersion.isEmpty()) {
            return this;
        }
        return () -> {
            EmbeddingsArtifacts artifacts = resolve();
            if (!artifacts.modelVersion().equals(modelVersion)) {
                Problems problems = new Problems();
                problems.add("manifest.json", 0, "model_version is \"" + artifacts.modelVersion()
                        + "\" but expected_version is \"" + modelVersion + "\"; nothing was loaded");
                throw new InvalidEmbeddingsException(problems);
            }
            return artifacts;
        };
    }
}
