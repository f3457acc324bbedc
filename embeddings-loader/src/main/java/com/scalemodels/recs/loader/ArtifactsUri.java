package com.scalemodels.recs.loader;

import com.scalemodels.recs.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** An artifact location given on the command line or in a Lambda event: {@code s3://bucket[/prefix]} or {@code file:///abs/path}. */
final class ArtifactsUri {

    private ArtifactsUri() {
    }

    /** A URI as is, or a plain local path made absolute ({@code --artifacts ./ml-artifacts}). */
    static URI fromUriOrPath(String value, String what) {
        if (value.startsWith("s3:") || value.startsWith("file:")) {
            return parse(value, what);
        }
        return Path.of(value).toAbsolutePath().normalize().toUri();
    }

    /** @throws ConfigException naming {@code what} unless {@code value} is an s3:// URI with a bucket or an absolute file:// URI */
    static URI parse(String value, String what) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigException(what + " is not a valid URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        boolean ok = switch (scheme) {
            case "s3" -> uri.getHost() != null && !uri.getHost().isBlank();
            case "file" -> uri.getPath() != null && uri.getPath().startsWith("/");
            default -> false;
        };
        if (!ok) {
            throw new ConfigException(what + " must be s3://bucket[/prefix] or file:///absolute/path, got " + value);
        }
        return uri;
    }
}
