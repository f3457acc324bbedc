package com.scalemodels.recs.artifacts.internal;

import com.scalemodels.recs.artifacts.ArtifactsUnavailableException;
import com.scalemodels.recs.artifacts.InvalidArtifactsException;
import com.scalemodels.recs.artifacts.ArtifactSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** An artifact folder on the local disk. */
public final class FileArtifactSource implements ArtifactSource {

    private final Path root;

    public FileArtifactSource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public InputStream open(String relativePath) {
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root)) {
            throw new InvalidArtifactsException(describe(relativePath) + ": outside the artifact folder");
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InvalidArtifactsException(describe(relativePath) + ": not found", e);
        } catch (IOException e) {
            throw new ArtifactsUnavailableException(describe(relativePath) + ": cannot read (" + e.getMessage() + ")",
                    e);
        }
    }

    @Override
    public String describe(String relativePath) {
        return root.resolve(relativePath).toUri().toString();
    }
}
