package com.scalemodels.recs.loader;

import com.scalemodels.recs.json.Fields;
import com.scalemodels.recs.json.Json;
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

    /** Text fields are bounded so an event cannot make the log line or the error message unbounded. */
    private static final int MAX_TEXT = 2048;

    static LoaderRequest fromEvent(Map<String, Object> event) {
        // The runtime has already decoded the event into a map; as a tree, the project's one field checker judges
        // it, with the same messages as every other input.
        Fields e = Fields.root(Json.tree(event == null ? Map.of() : event), "event");
        boolean force = e.optionalBoolean("force", false);
        boolean rollback = e.optionalBoolean("rollback", false);
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

    /** Terraform's jsonencode turns a null variable into JSON null: null and missing both mean "not given". */
    private static String text(Fields event, String name) {
        String value = event.optionalText(name, MAX_TEXT);
        return value == null ? "" : value;
    }
}
