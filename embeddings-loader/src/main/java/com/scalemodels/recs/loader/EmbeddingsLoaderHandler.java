package com.scalemodels.recs.loader;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.config.LoaderConfig;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point, so Terraform can load embeddings right after the database exists. Event: {} to load,
 * {"force": true} to reload the live version, {"rollback": true} to swap the previous version back. Returns
 * {"status": "loaded|unchanged|rolled_back", "model_version", "item_rows", "user_rows", …}. Failures throw, so the
 * invocation fails with the reason (invalid input lists its problems).
 */
public final class EmbeddingsLoaderHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingsLoaderHandler.class);

    private final EmbeddingsLoaderService service;
    private final EmbeddingsSource source;

    /** Lambda's constructor: configuration is read once per execution environment, at init. */
    public EmbeddingsLoaderHandler() {
        this(Environment.system());
    }

    public EmbeddingsLoaderHandler(Environment env) {
        LoaderConfig config = LoaderConfig.fromEnvironment(env);
        this.source = ArtifactFolderSource.forUri(config.artifactsUri());
        this.service = LoaderEnvironment.service(config.vectorDb(),
                LoaderEnvironment.settings(env, config.hnswM(), config.hnswEfConstruction()),
                (file, rows, rate, done) -> LOG.info("progress", kv("file", file), kv("rows", rows),
                        kv("rows_per_second", Math.round(rate)), kv("done", done)));
    }

    EmbeddingsLoaderHandler(EmbeddingsLoaderService service, EmbeddingsSource source) {
        this.service = service;
        this.source = source;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        boolean rollback = flag(event, "rollback");
        boolean force = flag(event, "force");
        if (rollback && force) {
            throw new IllegalArgumentException("an event may ask for force or rollback, not both");
        }
        LoadOutcome outcome = rollback ? service.rollback() : service.load(source, force);
        return outcome.toMap();
    }

    private static boolean flag(Map<String, Object> event, String name) {
        Object value = event == null ? null : event.get(name);
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
