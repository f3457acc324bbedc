package com.scalemodels.recs.loader;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.logging.LambdaLogging;
import com.scalemodels.recs.logging.LogContext;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Lambda entry point, so Terraform can load embeddings right after the database exists. The event
 * ({@link LoaderRequest}): Terraform's {@code {"source", "artifacts_uri", "manifest_etag", "expected_version"}},
 * or {} to load, {"force": true} to reload the live version, {"rollback": true} to swap the previous version back.
 * Returns {"status": "loaded|unchanged|rolled_back", "model_version", "item_rows", "user_rows", …}. Failures
 * throw, so the invocation (and the Terraform apply) fails with the reason (invalid input lists its problems), and
 * the exception's class is the error type: {@link InvalidEmbeddingsException} (bad input),
 * {@link QualityGateException} (the quality gate refused the version), {@link DatabaseUnavailableException},
 * {@link LoaderStateException}.
 */
public final class EmbeddingsLoaderHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingsLoaderHandler.class);

    private final LoaderConfig config;
    private final Supplier<S3Client> s3;
    private final EmbeddingsLoaderService service;
    private final LambdaLogging logging = new LambdaLogging();

    /** Lambda's constructor: the configuration is read once per execution environment, at init. */
    public EmbeddingsLoaderHandler() {
        this(LoaderConfig.fromEnvironment(Environment.system()), new LazyS3Client());
    }

    /** @param s3 the client for s3:// artifacts, asked for only when the artifacts are on S3 */
    EmbeddingsLoaderHandler(LoaderConfig config, Supplier<S3Client> s3) {
        this.config = config;
        this.s3 = s3;
        this.service = new EmbeddingsLoaderService(new DatabaseConnector(config.vectorDb()), config.load(),
                config.gate(), (file, rows, rate, done) -> LOG.info("progress", kv("event", "copy_progress"),
                        kv("file", file), kv("rows", rows), kv("rows_per_second", Math.round(rate)),
                        kv("done", done)), config.reader());
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (LogContext invocation = logging.invocation(context, null)) {
            return handle(event);
        }
    }

    private Map<String, Object> handle(Map<String, Object> event) {
        LoaderRequest request = LoaderRequest.fromEvent(event);
        URI artifacts = request.artifactsOr(config.artifactsUri());
        LOG.info("invoked", kv("event", "invoked"), kv("source", request.source()),
                kv("manifest_etag", request.manifestEtag()),
                kv("artifacts_uri", artifacts.toString()), kv("expected_version", request.expectedVersion()),
                kv("force", request.force()), kv("rollback", request.rollback()));
        if (request.rollback()) {
            return service.rollback().toMap();
        }
        EmbeddingsSource source = ArtifactStoreSource.forUri(artifacts, config.artifactCacheDir(), s3);
        return service.load(source.expecting(request.expectedVersion()), request.force()).toMap();
    }
}
