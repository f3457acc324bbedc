package com.scalemodels.recs.loader;

import java.io.IOException;

/**
 * The loader's seam to the model artifacts: today a local folder ({@link ArtifactFolderSource}); after common-model's
 * artifact store lands, an adapter over it (s3:// or file://, verified, cached by model version).
 */
@FunctionalInterface
public interface EmbeddingsSource {

    /** Reads the manifest and returns local paths of the embedding files; throws InvalidEmbeddingsException on a bad manifest. */
    EmbeddingsArtifacts resolve() throws IOException;
}
