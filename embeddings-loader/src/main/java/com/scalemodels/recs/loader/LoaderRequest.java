package com.scalemodels.recs.loader;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A Lambda event, parsed. Terraform's aws_lambda_invocation sends
 * {@code {"source": "terraform", "artifacts_uri": "s3://…", "manifest_etag": "…", "expected_version": "…"}}
 * ({@code expected_version} empty or null when any version will do); an operator sends {@code {}},
 * {@code {"force": true}} or {@code {"rollback": true}}. Unknown fields are ignored, so the caller may add metadata.
 *
 * @param artifactsUri overrides ML_ARTIFACTS_URI for this call
 * @param expectedVersion the model_version the manifest must name, or empty
 * @param source who invoked, for the log only
 * @param manifestEtag the manifest's ETag as the caller saw it, for the log only
 */
record LoaderRequest(Optional<URI> artifactsUri, String expectedVersion, boolean force, boolean rollback,
        String source, String manifestEtag) {

    static LoaderRequest fromEvent(Map<String, Object> event) {
        Map<String, Object> e = event == null ? Map.of() : event;
        boolean force = flag(e, "force");
        boolean rollback = flag(e, "rollback");
        if (force && rollback) {
            throw new IllegalArgumentException("an event may ask for force or rollback, not both");
        }
        String uri = text(e, "artifacts_uri");
        return new LoaderRequest(
                uri.isEmpty() ? Optional.empty() : Optional.of(ArtifactsUri.parse(uri, "event field artifacts_uri")),
                text(e, "expected_version"), force, rollback, text(e, "source"), text(e, "manifest_etag"));
    }

    /** The artifacts to load: this request's, or the function's configured ones. */
    URI artifactsOr(URI configured) {
        return artifactsUri.orElse(configured);
    }

    private static String text(Map<String, Object> event, String name) {
        Object value = event.get(name);
        if (value == null) {
            return ""; // Terraform's jsonencode turns a null variable into JSON null
        }
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("event field " + name + " must be a string");
    }

    private static boolean flag(Map<String, Object> event, String name) {
        Object value = event.get(name);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("event field " + name + " must be true or false");
    }
}
