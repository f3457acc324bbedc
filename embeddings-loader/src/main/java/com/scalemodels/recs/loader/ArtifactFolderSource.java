package com.scalemodels.recs.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalemodels.recs.config.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Embeddings from a local artifact folder laid out as in docs/contracts.md: reads only the manifest fields the
 * loader needs. Stand-in until common-model's artifact store (which also downloads s3:// and verifies sha256) is
 * merged; it is the only class that knows the folder layout.
 */
public final class ArtifactFolderSource implements EmbeddingsSource {

    static final String MANIFEST = "manifest.json";
    static final String ITEM_CSV = "embeddings/item_embeddings.csv";
    static final String USER_CSV = "embeddings/user_embeddings.csv";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    public ArtifactFolderSource(Path folder) {
        this.folder = folder;
    }

    /** {@code file:///abs/path}; {@code s3://} needs the common-model artifact store and is refused clearly. */
    public static ArtifactFolderSource forUri(URI uri) {
        if ("file".equals(uri.getScheme())) {
            return new ArtifactFolderSource(Path.of(uri));
        }
        throw new ConfigException("artifacts at " + uri.getScheme() + ":// are not supported by this build of the"
                + " loader yet: copy them to a local folder and pass --artifacts /path or file:///path");
    }

    @Override
    public EmbeddingsArtifacts resolve() throws IOException {
        Problems problems = new Problems();
        JsonNode manifest;
        try {
            manifest = JSON.readTree(Files.readAllBytes(folder.resolve(MANIFEST)));
        } catch (NoSuchFileException e) {
            problems.add(MANIFEST, 0, "not found in " + folder);
            throw new InvalidEmbeddingsException(problems);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            problems.add(MANIFEST, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage());
            throw new InvalidEmbeddingsException(problems);
        }
        if (manifest == null || !manifest.isObject()) {
            problems.add(MANIFEST, 0, "must be a JSON object");
            throw new InvalidEmbeddingsException(problems);
        }
        JsonNode format = manifest.get("format_version");
        if (format == null || !format.isInt() || format.intValue() != 1) {
            problems.add(MANIFEST, 0, "format_version must be 1");
        }
        String version = text(manifest, "model_version");
        if (version == null || version.isBlank() || version.length() > 200) {
            problems.add(MANIFEST, 0, "model_version must be a non-empty string of at most 200 characters");
        }
        JsonNode dimNode = manifest.get("embedding_dim");
        int dim = dimNode != null && dimNode.isInt() ? dimNode.intValue() : -1;
        if (dim < 1 || dim > EmbeddingsArtifacts.MAX_DIM) {
            problems.add(MANIFEST, 0, "embedding_dim must be an integer from 1 to " + EmbeddingsArtifacts.MAX_DIM);
        }
        String distanceName = text(manifest, "distance");
        Distance distance = Distance.fromManifest(distanceName).orElse(null);
        if (distance == null) {
            problems.add(MANIFEST, 0, "distance must be \"inner_product\" or \"cosine\", got "
                    + (distanceName == null ? "nothing" : "\"" + distanceName + "\""));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEmbeddingsException(problems);
        }
        return new EmbeddingsArtifacts(version, dim, distance, folder.resolve(ITEM_CSV), folder.resolve(USER_CSV));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
