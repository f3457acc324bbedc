package com.scalemodels.recs.local.invoke;

import com.scalemodels.recs.local.EmbeddingsResult;
import com.scalemodels.recs.local.EmbeddingsStep;
import com.scalemodels.recs.local.LocalServices;
import com.scalemodels.recs.local.RepoLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./run-local.sh invoke}: {@code sam local invoke} without Docker. Runs a function of template.yaml from its
 * deployment jar under the AWS Lambda Java runtime interface client, in a JVM of its own, configured as the template
 * configures it with this machine's services as parameter values (sample model, local pgvector; the transformation
 * reaches the inference function through a local Lambda API). Prints each response on standard output, one per
 * line, exactly as the runtime serialized it; the functions' logs go to standard error.
 */
@Command(name = "run-local.sh invoke", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Invoke a function's real handler on event files, like `sam local invoke`, without Docker.",
            "Standard output: each response (or error document) as the Lambda Java runtime serialized it, one per"
                    + " line. Standard error: the functions' JSON logs, Lambda's START/END/REPORT lines,"
                    + " [invoke] notes.",
            "",
            "Functions (template.yaml's logical ids work too):",
            "  transformation   Firehose events as they are; a Kinesis Data Streams event, session JSON Lines (*.jsonl)"
                    + " or malformed-records.json are first turned into the Firehose event they make.",
            "                   It invokes the inference function, which runs alongside it.",
            "  inference        an inference request (docs/contracts.md)",
            "  inference-http   a Function URL event (payload format 2.0)",
            "  loader           {} (load), {\"force\": true}, {\"rollback\": true}",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every invocation returned a response",
            "1:an invocation failed (function error, init error, timeout); its error document is on stdout",
            "2:bad command line or event file (nothing was run)",
            "3:not built, or the local servers are unreachable"})
public final class LocalInvoke implements Callable<Integer> {

    static final int OK = 0;
    static final int FUNCTION_ERROR = 1;
    static final int BAD_INPUT = 2;
    static final int SETUP_FAILED = 3;

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "transformation, inference, inference-http or"
            + " loader")
    String functionName;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "EVENT", description = "Event file(s), invoked in order"
            + " in one warm execution environment.")
    List<Path> eventFiles = new ArrayList<>();

    @Option(names = "--pg-database", defaultValue = "recs_local", description = "PostgreSQL database of the"
            + " embeddings; the sample model is loaded into it first unless live (default: ${DEFAULT-VALUE}).")
    String pgDatabase;

    @Option(names = "--cache-dir", defaultValue = "out/cache", description = "The functions' /tmp: extracted"
            + " libtorch and artifacts, shared with ./run-local.sh (default: ${DEFAULT-VALUE}).")
    Path cacheDir;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Override one of the function's environment"
            + " variables (repeatable), e.g. --env LOG_LEVEL=DEBUG, like sam local invoke --env-vars.")
    Map<String, String> variableOverrides = new LinkedHashMap<>();

    private final PrintStream out;
    private final PrintStream err;
    private final Logs logs;
    private final LocalServices services;
    private final RepoLayout repo;

    LocalInvoke(PrintStream out, PrintStream err, LocalServices services, RepoLayout repo) {
        this.out = out;
        this.err = err;
        this.logs = new Logs(err);
        this.services = services;
        this.repo = repo;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv(), RepoLayout.locate()));
    }

    /** The command with its streams, for the script and the tests alike. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, RepoLayout repo) {
        CommandLine cli = new CommandLine(new LocalInvoke(out, err, LocalServices.fromEnvironment(env), repo));
        cli.setOut(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        InvokedFunction function = InvokedFunction.byName(functionName).orElse(null);
        if (function == null) {
            return usage("unknown function '" + functionName + "': one of " + InvokedFunction.names());
        }
        try {
            LocalServices.checkDatabaseName(pgDatabase);
        } catch (IllegalArgumentException e) {
            return usage("--pg-database: " + e.getMessage());
        }
        List<byte[]> events = new ArrayList<>();
        try {
            for (Path file : eventFiles) {
                events.add(EventFiles.prepare(function, file, logs::note));
            }
        } catch (BadEventException e) {
            return usage(e.getMessage());
        }
        SamTemplate template = SamTemplate.read(repo.root());
        Path cache = cacheDir.toAbsolutePath().normalize();
        List<FunctionDefinition> called = new ArrayList<>();
        for (InvokedFunction f : function.calls()) {
            called.add(definition(template, f, cache, Map.of(), Map.of()));
        }
        FunctionDefinition own = definition(template, function, cache, Map.of(), Map.of());
        for (String name : variableOverrides.keySet()) {
            if (!own.environment().containsKey(name)) {
                return usage("--env " + name + ": not a variable of " + own.name() + " in template.yaml; it has "
                        + String.join(", ", own.environment().keySet().stream().sorted().toList()));
            }
        }
        try {
            RuntimeClient runtime = RuntimeClient.locate(repo.lambdaRuntimeClasspathFile(), cache);
            Map<String, Path> taskRoots = new HashMap<>();
            List<FunctionDefinition> all = new ArrayList<>(called);
            all.add(own);
            for (FunctionDefinition f : all) {
                taskRoots.put(f.name(), TaskRoot.prepare(f, cache, logs::note));
            }
            prepareDatabase(function, cache);
            return invoke(template, function, cache, called, taskRoots, runtime, events);
        } catch (NotBuiltException | IOException | SQLException e) {
            err.println("error: " + e.getMessage());
            return SETUP_FAILED;
        }
    }

    private int invoke(SamTemplate template, InvokedFunction function, Path cache, List<FunctionDefinition> called,
            Map<String, Path> taskRoots, RuntimeClient runtime, List<byte[]> events) throws IOException {
        List<ExecutionEnvironment> calledEnvironments = new ArrayList<>();
        LambdaInvokeServer lambdaApi = null;
        ExecutionEnvironment environment = null;
        try {
            for (FunctionDefinition f : called) {
                calledEnvironments.add(ExecutionEnvironment.start(f, taskRoots.get(f.name()), runtime, logs));
            }
            Map<String, String> parameters = new HashMap<>();
            if (!called.isEmpty()) {
                lambdaApi = new LambdaInvokeServer(calledEnvironments);
                parameters.put("LambdaEndpointUrl", lambdaApi.endpoint());
            }
            FunctionDefinition own = definition(template, function, cache, parameters, variableOverrides);
            environment = ExecutionEnvironment.start(own, taskRoots.get(own.name()), runtime, logs);
            // A called function still in init would make the caller's SDK time out on a cold start.
            calledEnvironments.forEach(ExecutionEnvironment::awaitInit);
            boolean failed = false;
            for (byte[] event : events) {
                InvokeResult result = environment.invoke(event);
                out.write(result.payload());
                out.write('\n');
                out.flush();
                failed |= result.failed();
            }
            return failed ? FUNCTION_ERROR : OK;
        } finally {
            if (environment != null) {
                environment.close();
            }
            if (lambdaApi != null) {
                lambdaApi.close();
            }
            calledEnvironments.forEach(ExecutionEnvironment::close);
        }
    }

    /**
     * The function as template.yaml defines it, with this machine's values for the parameters that name AWS
     * resources (as {@code --parameter-overrides} would give them) and the caches in {@code --cache-dir}.
     */
    private FunctionDefinition definition(SamTemplate template, InvokedFunction function, Path cache,
            Map<String, String> extraParameters, Map<String, String> variables) {
        Map<String, String> parameters = new HashMap<>(extraParameters);
        parameters.put("MlArtifactsUri", repo.sampleArtifacts().toUri().toString().replaceFirst("/$", ""));
        parameters.put("VectorDbJdbcUrl", services.pgUrl(pgDatabase));
        parameters.put("VectorDbSecretId", "");
        parameters.put("VectorDbUser", services.pgUser());
        parameters.put("VectorDbPassword", services.pgPassword());
        FunctionDefinition f = template.function(function.logicalId(), parameters).orElseThrow(
                () -> new IllegalStateException("template.yaml has no function " + function.logicalId()));
        Map<String, String> environment = new HashMap<>(f.environment());
        environment.computeIfPresent("ARTIFACT_CACHE_DIR", (k, v) -> cache.resolve("ml-artifacts").toString());
        environment.computeIfPresent("DJL_CACHE_DIR", (k, v) -> cache.resolve("djl").toString());
        environment.putAll(variables);
        return new FunctionDefinition(f.name(), f.handler(), f.code(), f.layers(), f.memoryMb(), f.timeoutSeconds(),
                environment);
    }

    /** The database exists; for functions that read the embeddings, the sample model is live in it. */
    private void prepareDatabase(InvokedFunction function, Path cache) throws SQLException {
        EmbeddingsStep step = new EmbeddingsStep(services);
        try {
            if (function.readsEmbeddings()) {
                EmbeddingsResult r = step.run(pgDatabase, repo.sampleArtifacts(), cache.resolve("artifacts"), false);
                logs.note("vector database " + pgDatabase + ": model " + r.modelVersion() + " " + r.status());
            } else {
                step.ensureDatabase(pgDatabase);
            }
        } catch (SQLException e) {
            throw new SQLException("cannot prepare PostgreSQL database " + pgDatabase + ": " + e.getMessage()
                    + " (are the local servers running? scripts/local-services.sh start)", e);
        }
    }

    private int usage(String message) {
        err.println("error: " + message);
        err.println("see ./run-local.sh invoke --help");
        return BAD_INPUT;
    }
}
