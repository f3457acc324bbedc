package com.scalemodels.recs.loader;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

/** Command line: load, force-reload, roll back, validate or show the embedding versions of a vector database. */
@Command(name = "embeddings-loader", mixinStandardHelpOptions = true, version = "embeddings-loader 1.0.0",
        sortOptions = false,
        description = {
            "Validates item_embeddings.csv and user_embeddings.csv of a model's artifact folder, COPYs them into new",
            "tables, builds HNSW indexes, then makes the new model version live as item_emb / user_emb in one",
            "transaction. The previous version is kept for --rollback; older ones are dropped.",
            "Settings not given as options come from the environment: ML_ARTIFACTS_URI, ARTIFACT_CACHE_DIR, VECTOR_DB_JDBC_URL,",
            "VECTOR_DB_SECRET_ID or VECTOR_DB_USER/VECTOR_DB_PASSWORD, HNSW_M, HNSW_EF_CONSTRUCTION,",
            "HNSW_MAINTENANCE_WORK_MEM_MB, HNSW_BUILD_WORKERS. Progress goes to stderr, JSON logs to stdout."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (loaded, unchanged, rolled back, status shown, input valid)",
            "1:unexpected failure",
            "2:usage or configuration error",
            "3:invalid input (manifest or CSV); the database is unchanged",
            "4:database unreachable or login refused",
            "5:database state conflict: another loader is running, nothing to roll back, swap lock not obtained"})
public final class EmbeddingsLoaderCli implements Callable<Integer> {

    @Option(names = "--artifacts", paramLabel = "URI|PATH",
            description = "Artifact folder: s3://bucket/prefix, file:///path or a local path (default: $ML_ARTIFACTS_URI)."
                    + " Downloaded into $ARTIFACT_CACHE_DIR (default /tmp/ml-artifacts) and checked against the"
                    + " sizes and SHA-256 in manifest.json")
    private String artifacts;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "jdbc:postgresql://host:port/db (default: $VECTOR_DB_JDBC_URL)")
    private String jdbcUrl;

    @Option(names = "--user", description = "Database user (default: $VECTOR_DB_USER, or the Secrets Manager secret)")
    private String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Name of the environment variable holding the password (default: VECTOR_DB_PASSWORD)")
    private String passwordEnv;

    @Option(names = "--force", description = "Reload even if this model version is already live")
    private boolean force;

    @Option(names = "--rollback", description = "Swap the previous version back in (atomically) and exit")
    private boolean rollback;

    @Option(names = "--status", description = "Show the recorded versions and exit")
    private boolean status;

    @Option(names = "--validate-only", description = "Validate the input without connecting to a database")
    private boolean validateOnly;

    @Option(names = "--hnsw-m", paramLabel = "M", description = "HNSW m, 2-100 (default: $HNSW_M or 16)")
    private Integer hnswM;

    @Option(names = "--hnsw-ef-construction", paramLabel = "EF",
            description = "HNSW ef_construction, 4-1000 (default: $HNSW_EF_CONSTRUCTION or 64)")
    private Integer hnswEfConstruction;

    @Option(names = "--maintenance-work-mem-mb", paramLabel = "MB",
            description = "maintenance_work_mem for the index build (default: $HNSW_MAINTENANCE_WORK_MEM_MB or 512)")
    private Integer maintenanceWorkMemMb;

    @Option(names = "--build-workers", paramLabel = "N",
            description = "max_parallel_maintenance_workers for the index build (default: $HNSW_BUILD_WORKERS or 2)")
    private Integer buildWorkers;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<S3Client> s3;

    EmbeddingsLoaderCli(Map<String, String> environment, PrintStream out, PrintStream err, Supplier<S3Client> s3) {
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.s3 = s3;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        try (LazyS3Client s3 = new LazyS3Client()) {
            return run(args, environment, out, err, s3);
        }
    }

    /** @param s3 the client for s3:// artifacts, asked for only when the artifacts are on S3 */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
            Supplier<S3Client> s3) {
        CommandLine cli = new CommandLine(new EmbeddingsLoaderCli(environment, out, err, s3));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            int code = ExitCodes.of(e);
            err.println("embeddings-loader: " + (code == ExitCodes.FAILURE ? e.toString() : e.getMessage()));
            return code;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        int modes = (rollback ? 1 : 0) + (status ? 1 : 0) + (validateOnly ? 1 : 0);
        if (modes > 1 || (force && modes > 0)) {
            throw new ConfigException("choose one of --rollback, --status, --validate-only (and --force only with a load)");
        }
        Environment env = environment();
        if (status) {
            return printStatus(LoaderEnvironment.service(VectorDbConfig.fromEnvironment(env).withPoolSize(1),
                    LoaderEnvironment.settings(env), progress()).status());
        }
        if (rollback) {
            LoadOutcome outcome = LoaderEnvironment.service(VectorDbConfig.fromEnvironment(env).withPoolSize(1),
                    LoaderEnvironment.settings(env), progress()).rollback();
            out.println(outcome.message());
            return ExitCodes.OK;
        }
        if (validateOnly) {
            EmbeddingsSource source = ArtifactStoreSource.forUri(env.artifactsUri("ML_ARTIFACTS_URI"),
                    LoaderEnvironment.artifactCacheDir(env), s3);
            Problems problems = new EmbeddingsLoaderService(null, LoaderEnvironment.settings(env), progress())
                    .validate(source);
            if (!problems.isEmpty()) {
                throw new InvalidEmbeddingsException(problems);
            }
            out.println("input is valid");
            return ExitCodes.OK;
        }
        LoaderConfig config = LoaderConfig.fromEnvironment(env);
        EmbeddingsLoaderService service = LoaderEnvironment.service(config.vectorDb(),
                LoaderEnvironment.settings(env, config.hnswM(), config.hnswEfConstruction()), progress());
        LoadOutcome outcome = service.load(
                ArtifactStoreSource.forUri(config.artifactsUri(), config.artifactCacheDir(), s3), force);
        out.println(outcome.message());
        return ExitCodes.OK;
    }

    /** The process environment with the command-line options laid over it, validated by common-model's config. */
    private Environment environment() {
        Map<String, String> vars = new HashMap<>(environment);
        if (artifacts != null) {
            vars.put("ML_ARTIFACTS_URI", ArtifactsUri.fromUriOrPath(artifacts, "--artifacts").toString());
        }
        if (jdbcUrl != null) {
            vars.put("VECTOR_DB_JDBC_URL", jdbcUrl);
        }
        if (user != null) {
            vars.remove("VECTOR_DB_SECRET_ID");
            vars.put("VECTOR_DB_USER", user);
        }
        if (passwordEnv != null) {
            String password = environment.get(passwordEnv);
            if (password == null) {
                throw new ConfigException("--password-env names " + passwordEnv + ", which is not set");
            }
            vars.remove("VECTOR_DB_SECRET_ID");
            vars.put("VECTOR_DB_PASSWORD", password);
        }
        putIfSet(vars, "HNSW_M", hnswM);
        putIfSet(vars, "HNSW_EF_CONSTRUCTION", hnswEfConstruction);
        putIfSet(vars, LoaderEnvironment.MAINTENANCE_WORK_MEM_MB, maintenanceWorkMemMb);
        putIfSet(vars, LoaderEnvironment.BUILD_WORKERS, buildWorkers);
        return new Environment(vars);
    }

    private static void putIfSet(Map<String, String> vars, String name, Integer value) {
        if (value != null) {
            vars.put(name, value.toString());
        }
    }

    private ProgressListener progress() {
        return (file, rows, rate, done) -> err.printf(Locale.ROOT, "%s: %,d rows%s (%,.0f rows/s)%n", file, rows,
                done ? " read" : "", rate);
    }

    private int printStatus(List<VersionRow> rows) {
        if (rows.isEmpty()) {
            out.println("no embedding versions recorded in this database");
            return ExitCodes.OK;
        }
        out.printf(Locale.ROOT, "%-9s %-40s %5s %-13s %10s %10s  %-25s %s%n", "status", "model_version", "dim",
                "distance", "item_rows", "user_rows", "activated_at", "table");
        for (VersionRow r : rows) {
            out.printf(Locale.ROOT, "%-9s %-40s %5d %-13s %10d %10d  %-25s %s%n", r.status(), r.modelVersion(),
                    r.embeddingDim(), r.distance(), r.itemRows(), r.userRows(),
                    r.activatedAt() == null ? "-" : r.activatedAt().toString(),
                    switch (r.status()) {
                        case "live" -> "item_emb, user_emb";
                        case "previous", "staged" -> "item_emb_v" + r.tableId() + ", user_emb_v" + r.tableId();
                        default -> "(dropped)";
                    });
        }
        return ExitCodes.OK;
    }
}
