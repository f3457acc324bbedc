package com.scalemodels.recs.artifacts;

import com.scalemodels.recs.features.FeatureEncoder;
import com.scalemodels.recs.features.PreprocessingReader;
import java.nio.file.Path;
import java.util.Objects;

/** A verified, immutable local copy of one model version's artifacts. */
public record ModelArtifacts(Manifest manifest, Path directory) {

    public ModelArtifacts {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(directory, "directory");
    }

    /** The local path of a file the manifest lists. */
    public Path file(String relativePath) {
        if (!manifest.files().containsKey(relativePath)) {
            throw new ArtifactException(relativePath + ": not listed in manifest.json of " + manifest.modelVersion());
        }
        return directory.resolve(relativePath);
    }

    public FeatureEncoder userEncoder() {
        return encoder(manifest.userFeatures());
    }

    public FeatureEncoder itemEncoder() {
        return encoder(manifest.itemFeatures());
    }

    private FeatureEncoder encoder(Manifest.FeatureSet features) {
        return FeatureEncoder.forManifest(new PreprocessingReader().read(file(features.preprocessing())),
                features.columns(), features.inputDim(), features.preprocessing());
    }
}
