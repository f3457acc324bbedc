package com.scalemodels.recs.loader;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.scalemodels.recs.config.Environment;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Lambda entry point, so Terraform can load embeddings right after the database exists. The event
 * ({@link LoaderRequest}): Terraform's {@code {"source", "artifacts_uri", "manifest_etag", "expected_version"}},
 * or {} to load, {"force": true} to reload the live version, {"rollback": true} to swap the previous version back.
 * Returns {"status": "loaded|unchanged|rolled_back", "model_version", "item_rows", "user_rows", …}. Failures
 * throw, so the invocation (and the Terraform apply) fails with the reason (invalid input lists its problems).
 */
public final class EmbeddingsLoaderHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingsLoaderHandler.class);

    private final EmbeddingsLoaderService service;
    private final URI configuredArtifacts;
    private final Function<URI, EmbeddingsSource> sources;

    /** Lambda's constructor: configuration is read once per execution environment, at init. */
    public EmbeddingsLoaderHandler() {
        this(Environment.system());
    }

    public EmbeddingsLoaderHandler(Environment env) {
        this(env, new LazyS3Client());
    }

    /** @param s3 the client for s3:// artifacts, asked for only when the artifacts are on S3 */
    EmbeddingsLoaderHandler(Environment env, Supplier<S3Client> s3) {
        this(LoaderConfig.fromEnvironment(env), env, s3);
    }

    private EmbeddingsLoaderHandler(LoaderConfig config, Environment env, Supplier<S3Client> s3) {
        this(LoaderEnvironment.service(config.vectorDb(),
                        LoaderEnvironment.settings(env, config.hnswM(), config.hnswEfConstruction()),
                        (file, rows, rate, done) -> LOG.info("progress", kv("file", file), kv("rows", rows),
                                kv("rows_per_second", Math.round(rate)), kv("done", done))),
                config.artifactsUri(),
                uri -> ArtifactStoreSource.forUri(uri, config.artifactCacheDir(), s3));
    }

    EmbeddingsLoaderHandler(EmbeddingsLoaderService service, URI configuredArtifacts,
            Function<URI, EmbeddingsSource> sources) {
        this.service = service;
        this.configuredArtifacts = configuredArtifacts;
        this.sources = sources;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        LoaderRequest request = LoaderRequest.fromEvent(event);
        URI artifacts = request.artifactsOr(configuredArtifacts);
        LOG.info("invoked", kv("source", request.source()), kv("manifest_etag", request.manifestEtag()),
                kv("artifacts_uri", artifacts.toString()), kv("expected_version", request.expectedVersion()),
                kv("force", request.force()), kv("rollback", request.rollback()));
        LoadOutcome outcome = request.rollback()
                ? service.rollback()
                : service.load(sources.apply(artifacts).expecting(request.expectedVersion()), request.force());
        return outcome.toMap();
    }
}
