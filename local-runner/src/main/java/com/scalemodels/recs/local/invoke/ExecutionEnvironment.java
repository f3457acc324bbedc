package com.scalemodels.recs.local.invoke;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Lambda execution environment: a JVM running the AWS Lambda Java runtime interface client (the managed java21
 * runtime's entry point) on the function's handler, started in its {@link TaskRoot}, with the function's environment
 * variables plus Lambda's reserved ones and nothing of this shell's. The client constructs the handler (init), then
 * polls this environment's {@link RuntimeApiServer} and serves one invocation at a time: it, not this class,
 * deserializes the event and serializes the response or error. The JVM's output (the function's logs) is copied to
 * {@code logs} as it comes.
 */
final class ExecutionEnvironment implements AutoCloseable {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";

    private final FunctionDefinition function;
    private final RuntimeApiServer api;
    private final Process process;
    private final Thread logCopier;
    private final Logs logs;

    private ExecutionEnvironment(FunctionDefinition function, RuntimeApiServer api, Process process,
            Thread logCopier, Logs logs) {
        this.function = function;
        this.api = api;
        this.process = process;
        this.logCopier = logCopier;
        this.logs = logs;
    }

    /** Starts the JVM; the handler's init runs at once, while the caller goes on. */
    static ExecutionEnvironment start(FunctionDefinition function, Path taskRoot, RuntimeClient runtime, Logs logs)
            throws IOException {
        RuntimeApiServer api = new RuntimeApiServer(function.arn());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // About the heap the managed runtime gives a function of this memory size; like the java21 runtime, C1 only
        // unless the function's JAVA_TOOL_OPTIONS sets the tier, and the serial collector (AWS Lambda docs,
        // "Customize Java runtime startup behavior"). The JVM reads JAVA_TOOL_OPTIONS before the command line, so
        // the default must stay off the command line for the function's own setting to win.
        command.add("-Xmx" + function.memoryMb() * 85 / 100 + "m");
        if (!function.environment().getOrDefault("JAVA_TOOL_OPTIONS", "").contains("TieredStopAtLevel")) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.add("-XX:+UseSerialGC");
        command.addAll(runtime.jvmArguments());
        command.add(function.handler());
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear(); // the function sees its configuration, not this shell's variables (nor its AWS credentials)
        env.putAll(reservedVariables(function, api.address(), taskRoot));
        env.putAll(function.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            api.close();
            throw e;
        }
        Thread copier = new Thread(() -> copy(process.getInputStream(), logs), function.name() + "-logs");
        copier.setDaemon(true);
        copier.start();
        process.onExit().thenAccept(p -> api.runtimeExited(p.exitValue()));
        return new ExecutionEnvironment(function, api, process, copier, logs);
    }

    /** What Lambda sets in every Java function's environment; local stand-ins for the region and credentials. */
    static Map<String, String> reservedVariables(FunctionDefinition function, String runtimeApi, Path taskRoot) {
        return Map.ofEntries(
                Map.entry("AWS_LAMBDA_RUNTIME_API", runtimeApi),
                Map.entry("_HANDLER", function.handler()),
                Map.entry("LAMBDA_TASK_ROOT", taskRoot.toString()),
                Map.entry("AWS_REGION", REGION),
                Map.entry("AWS_DEFAULT_REGION", REGION),
                Map.entry("AWS_LAMBDA_FUNCTION_NAME", function.name()),
                Map.entry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
                Map.entry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb())),
                Map.entry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name()),
                Map.entry("AWS_LAMBDA_LOG_STREAM_NAME", "local"),
                Map.entry("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"),
                Map.entry("AWS_ACCESS_KEY_ID", "local"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "local"),
                Map.entry("AWS_SESSION_TOKEN", "local"),
                Map.entry("TZ", ":UTC"),
                Map.entry("LANG", "en_US.UTF-8"),
                Map.entry("PATH", "/usr/local/bin:/usr/bin:/bin"));
    }

    String name() {
        return function.name();
    }

    /** Waits until the handler is constructed (or init failed), so that callers do not time out on a cold start. */
    void awaitInit() {
        api.ready().join();
    }

    /** One synchronous invocation, with Lambda's START / END / REPORT lines around the function's own. */
    synchronized InvokeResult invoke(byte[] event) {
        String requestId = UUID.randomUUID().toString();
        long timeoutMillis = function.timeout().toMillis();
        RuntimeApiServer.Invocation invocation = api.submit(requestId, event, timeoutMillis);
        invocation.handedOut().join(); // init first, however long it takes (a first run extracts libtorch)
        long started = System.nanoTime();
        logs.platform(function.name(), "START RequestId: " + requestId + " Version: $LATEST");
        InvokeResult result;
        try {
            result = invocation.result().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly(); // Lambda discards a timed-out environment
            result = InvokeResult.platformError("Sandbox.Timedout", String.format(Locale.ROOT,
                    "RequestId: %s Error: Task timed out after %.2f seconds", requestId, timeoutMillis / 1000.0));
        } catch (ExecutionException e) {
            result = InvokeResult.platformError("Runtime.Unknown", String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = InvokeResult.platformError("Runtime.Interrupted", "interrupted");
        }
        double millis = (System.nanoTime() - started) / 1e6;
        logs.platform(function.name(), "END RequestId: " + requestId);
        logs.platform(function.name(), String.format(Locale.ROOT,
                "REPORT RequestId: %s\tDuration: %.2f ms\tMemory Size: %d MB", requestId, millis, function.memoryMb()));
        return result;
    }

    private static void copy(InputStream in, Logs logs) {
        try (in; OutputStream out = logs.functionOutput()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Ends the JVM (Lambda would freeze, then discard it) and waits for its last log lines. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            logCopier.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            api.close();
        }
    }
}
