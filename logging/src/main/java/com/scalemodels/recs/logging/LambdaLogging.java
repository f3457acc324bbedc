package com.scalemodels.recs.logging;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The invocation keys of the log schema for one Lambda handler (what Powertools' logging puts in its context, for
 * logback). One instance per handler instance, i.e. per execution environment (the runtime creates the handler
 * once), so the first invocation it sees is the cold start; with SnapStart, the first after a restore, since the
 * snapshot is taken before any invocation.
 *
 * <pre>{@code try (LogContext invocation = logging.invocation(context, event.getInvocationId())) { … }}</pre>
 */
public final class LambdaLogging {

    private final AtomicBoolean coldStart = new AtomicBoolean(true);

    /**
     * Puts {@code function_name}, {@code function_version}, {@code function_request_id} (from the context, when
     * there is one), {@code cold_start} and, when not null, {@code correlation_id} in the logging context until the
     * returned scope is closed.
     *
     * @param context the Lambda context; null when a handler is called outside Lambda (local runner, tests)
     */
    public LogContext invocation(Context context, String correlationId) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (context != null) {
            keys.put("function_name", context.getFunctionName());
            keys.put("function_version", context.getFunctionVersion());
            keys.put("function_request_id", context.getAwsRequestId());
        }
        keys.put("cold_start", Boolean.toString(coldStart.getAndSet(false)));
        if (correlationId != null) {
            keys.put(LogContext.CORRELATION_ID, correlationId);
        }
        return new LogContext(keys);
    }
}
