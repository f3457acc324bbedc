package com.scalemodels.recs.artifacts;

import com.scalemodels.recs.features.FeatureEncoder;
import com.scalemodels.recs.features.PreprocessingReader;
import com.scalemodels.recs.json.InvalidFieldException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** A verified, immutable local copy of one model version's artifacts. */
public record ModelArtifacts(Manifest manifest, Path directory) {

    public ModelArtifacts {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(directory, "directory");
    }

    /**
     * The local path of a file the manifest lists.
     *
     * @throws InvalidArtifactsException when the manifest does not list it
     */
    public Path file(String relativePath) {
        if (!manifest.files().containsKey(relativePath)) {
            throw new InvalidArtifactsException(relativePath + ": not listed in manifest.json of "
                    + manifest.modelVersion());
        }
        return directory.resolve(relativePath);
    }

    /** @throws InvalidArtifactsException when the preprocessing file is malformed or does not match the manifest */
    public FeatureEncoder userEncoder() {
        return encoder(manifest.userFeatures());
    }

    /** @throws InvalidArtifactsException when the preprocessing file is malformed or does not match the manifest */
    public FeatureEncoder itemEncoder() {
        return encoder(manifest.itemFeatures());
    }

    private FeatureEncoder encoder(Manifest.FeatureSet features) {
        byte[] json;
        try {
            json = Files.readAllBytes(file(features.preprocessing()));
        } catch (IOException e) {
            throw new ArtifactsUnavailableException(features.preprocessing() + ": cannot read (" + e.getMessage()
                    + ")", e);
        }
        try {
            return FeatureEncoder.forManifest(new PreprocessingReader().read(json, features.preprocessing()),
                    features.columns(), features.inputDim(), features.preprocessing());
        } catch (InvalidFieldException e) {
            throw new InvalidArtifactsException(e.getMessage(), e);
        }
    }
}
