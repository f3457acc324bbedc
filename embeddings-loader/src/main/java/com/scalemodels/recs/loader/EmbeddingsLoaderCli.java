package com.scalemodels.recs.loader;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
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
        Environment env = new Environment(environment);
        if (validateOnly) {
            Problems problems = new EmbeddingsLoaderService(null, loadSettings(env), progress())
                    .validate(source(artifactsUri(env), env));
            if (!problems.isEmpty()) {
                throw new InvalidEmbeddingsException(problems);
            }
            out.println("input is valid");
            return ExitCodes.OK;
        }
        if (status || rollback) {
            EmbeddingsLoaderService service = service(vectorDb(env), loadSettings(env));
            if (status) {
                return printStatus(service.status());
            }
            out.println(service.rollback().message());
            return ExitCodes.OK;
        }
        LoaderConfig config = new LoaderConfig(artifactsUri(env), LoaderConfig.artifactCacheDir(env), vectorDb(env),
                loadSettings(env));
        LoadOutcome outcome = service(config.vectorDb(), config.load())
                .load(source(config.artifactsUri(), env), force);
        out.println(outcome.message());
        return ExitCodes.OK;
    }

    private EmbeddingsLoaderService service(VectorDbConfig db, LoadSettings settings) {
        return new EmbeddingsLoaderService(new DatabaseConnector(db), settings, progress());
    }

    private EmbeddingsSource source(URI artifacts, Environment env) {
        return ArtifactStoreSource.forUri(artifacts, LoaderConfig.artifactCacheDir(env), s3);
    }

    private URI artifactsUri(Environment env) {
        return artifacts != null ? ArtifactsUri.fromUriOrPath(artifacts, "--artifacts") : LoaderConfig.artifactsUri(env);
    }

    private LoadSettings loadSettings(Environment env) {
        LoadSettings fromEnv = LoadSettings.fromEnvironment(env);
        return new LoadSettings(hnswM != null ? hnswM : fromEnv.hnswM(),
                hnswEfConstruction != null ? hnswEfConstruction : fromEnv.hnswEfConstruction(),
                maintenanceWorkMemMb != null ? maintenanceWorkMemMb : fromEnv.maintenanceWorkMemMb(),
                buildWorkers != null ? buildWorkers : fromEnv.buildWorkers());
    }

    /**
     * The environment's connection unless --jdbc-url, --user or --password-env is given. Then each of those
     * defaults to VECTOR_DB_JDBC_URL, VECTOR_DB_USER and VECTOR_DB_PASSWORD, and the Secrets Manager secret
     * (VECTOR_DB_SECRET_ID) is used only when neither a user nor a password is given.
     */
    private VectorDbConfig vectorDb(Environment env) {
        boolean login = user != null || passwordEnv != null;
        if (jdbcUrl == null && !login) {
            return LoaderConfig.vectorDb(env);
        }
        String url = jdbcUrl != null ? jdbcUrl : env.required("VECTOR_DB_JDBC_URL");
        if (!login && env.isSet("VECTOR_DB_SECRET_ID")) {
            return new VectorDbConfig(url, new VectorDbConfig.Credentials.SecretsManager(
                    env.required("VECTOR_DB_SECRET_ID")), 1, VectorDbConfig.DEFAULT_CONNECT_TIMEOUT,
                    VectorDbConfig.DEFAULT_STATEMENT_TIMEOUT);
        }
        return VectorDbConfig.of(url, user != null ? user : env.required("VECTOR_DB_USER"), password(env))
                .withPoolSize(1);
    }

    private String password(Environment env) {
        if (passwordEnv == null) {
            return env.required("VECTOR_DB_PASSWORD");
        }
        String password = environment.get(passwordEnv);
        if (password == null) {
            throw new ConfigException("--password-env names " + passwordEnv + ", which is not set");
        }
        return password;
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
