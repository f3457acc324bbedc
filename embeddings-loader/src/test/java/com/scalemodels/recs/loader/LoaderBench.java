package com.scalemodels.recs.loader;

import com.scalemodels.recs.vectordb.VectorDbConfig;
import com.scalemodels.recs.testing.JdbcSettings;
import com.scalemodels.recs.testing.LocalDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * Benchmark (./bench.sh embeddings-loader): a full load of N random 32-dim item rows (default 1,000,000, seed 42)
 * and 1,000 user rows through the loader service, as an operator runs it: artifacts verified into the cache,
 * validation + binary COPY, keys + HNSW + ANALYZE, swap away from a live version. Prints the whole and its parts.
 * Beside it, best of three: the --validate-only pass (the client alone, no database), the loader's validation +
 * COPY of the item file (rolled back), and the same file through {@code COPY … (FORMAT csv)} with no client
 * validation, PostgreSQL parsing the vectors itself. Arguments: [rows] [full|copy-only]; copy-only skips the full
 * load (the index build takes minutes per million rows). Figures on stdout, notes on stderr.
 */
public final class LoaderBench {

    private static final int DIM = 32;
    private static final int USERS = 1_000;
    // Best of three: the first round also pays for JIT compilation, and other processes come and go.
    private static final int ROUNDS = 3;
    private static final LoadSettings SETTINGS = LoadSettings.defaults(16, 64).withIndexBuild(1024, 2);

    public static void main(String[] args) throws Exception {
        System.setProperty("LOG_LEVEL", "WARN"); // the loader's JSON logs would bury the figures on stdout
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        if (args.length > 1 && !args[1].equals("copy-only") && !args[1].equals("full")) {
            throw new IllegalArgumentException("second argument: copy-only or full, got '" + args[1] + "'");
        }
        boolean copyOnly = args.length > 1 && args[1].equals("copy-only");
        JdbcSettings admin = LocalDatabases.postgres();
        String dbName = "loader_bench_" + ProcessHandle.current().pid();
        Path dir = Files.createTempDirectory("loader-bench");
        try (Connection conn = admin.connect(); Statement st = conn.createStatement()) {
            st.execute("CREATE DATABASE " + dbName);
        }
        try {
            JdbcSettings db = admin.withDatabase(dbName);
            try (Connection conn = db.connect(); Statement st = conn.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS vector");
            }
            run(db, dir, rows, copyOnly);
        } finally {
            try (Connection conn = admin.connect(); Statement st = conn.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(JdbcSettings db, Path dir, int rows, boolean copyOnly) throws Exception {
        note("generating %,d item rows and %,d user rows of %d dims", rows, USERS, DIM);
        Path cache = dir.resolve("cache");
        EmbeddingsSource big = TestArtifacts.source(
                TestArtifacts.write(dir.resolve("big"), "bench-big", "S", 0, rows, USERS, DIM, 42), cache);
        EmbeddingsSource tiny = TestArtifacts.source(
                TestArtifacts.write(dir.resolve("tiny"), "bench-tiny", "T", 0, 1_000, 100, DIM, 7), cache);
        note("item CSV: %,d bytes", Files.size(dir.resolve("big").resolve(ArtifactStoreSource.ITEM_CSV)));
        EmbeddingsLoaderService service = new EmbeddingsLoaderService(
                new DatabaseConnector(VectorDbConfig.of(db.url(), db.user(), db.password())), SETTINGS,
                ProgressListener.NONE);
        service.load(tiny, false); // a live version to swap away from, as in production
        print("load_average_1min_before", loadAverage(), "load", "%.2f");

        if (!copyOnly) {
            long[] resolveNanos = new long[1];
            EmbeddingsSource timed = () -> {
                long started = System.nanoTime();
                EmbeddingsArtifacts a = big.resolve();
                resolveNanos[0] = System.nanoTime() - started;
                return a;
            };
            note("full load (maintenance_work_mem %d MB, %d build workers)", SETTINGS.maintenanceWorkMemMb(),
                    SETTINGS.buildWorkers());
            long started = System.nanoTime();
            LoadOutcome outcome = service.load(timed, false);
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            if (outcome.status() != LoadOutcome.Status.LOADED || outcome.itemRows() != rows) {
                throw new IllegalStateException("the load did not load the rows: " + outcome);
            }
            LoadOutcome.Timings t = outcome.timings();
            print("full_load_seconds", loadSeconds, "s", "%.1f");
            print("artifacts_seconds", resolveNanos[0] / 1e9, "s", "%.2f");
            print("copy_seconds", t.copyMillis() / 1e3, "s", "%.2f");
            print("index_seconds", t.indexMillis() / 1e3, "s", "%.1f");
            print("swap_ms", t.swapMillis(), "ms", "%.0f");
            print("other_seconds", loadSeconds - resolveNanos[0] / 1e9
                    - (t.copyMillis() + t.indexMillis() + t.swapMillis()) / 1e3, "s", "%.2f");
            print("load_average_1min_after_load", loadAverage(), "load", "%.2f");
        }

        EmbeddingsArtifacts artifacts = big.resolve();
        double validate = Double.MAX_VALUE;
        double loaderCopy = Double.MAX_VALUE;
        double serverCsvCopy = Double.MAX_VALUE;
        try (Connection conn = db.connect()) {
            for (int round = 1; round <= ROUNDS; round++) {
                validate = Math.min(validate, seconds(() -> {
                    Problems problems = service.validate(big);
                    if (!problems.isEmpty()) {
                        throw new IllegalStateException(problems.report());
                    }
                }));
                loaderCopy = Math.min(loaderCopy, seconds(() -> loaderCopy(conn, artifacts, rows)));
                serverCsvCopy = Math.min(serverCsvCopy, seconds(() -> serverCsvCopy(conn, artifacts, rows)));
                note("round %d: validate %.2f s, loader item COPY %.2f s, server-parsed item COPY %.2f s (best so far)",
                        round, validate, loaderCopy, serverCsvCopy);
            }
        }
        print("validate_only_seconds", validate, "s", "%.2f");
        print("item_copy_seconds", loaderCopy, "s", "%.2f");
        print("item_copy_rows_per_second", rows / loaderCopy, "rows/s", "%.0f");
        print("server_csv_item_copy_seconds", serverCsvCopy, "s", "%.2f");
        print("load_average_1min_after", loadAverage(), "load", "%.2f");
    }

    /** Validation + binary COPY of the item file into a staged table, as a load does it; rolled back. */
    private static void loaderCopy(Connection conn, EmbeddingsArtifacts a, int rows) throws Exception {
        StagingLoader staging = new StagingLoader(new EmbeddingFileReader(ProgressListener.NONE));
        conn.setAutoCommit(false);
        try {
            int tableId = staging.stage(conn, a);
            Problems problems = new Problems();
            long copied = staging.copy(conn, tableId, IdKind.ITEM, a, problems);
            if (!problems.isEmpty() || copied != rows) {
                throw new IllegalStateException("loader COPY failed: " + problems.report());
            }
        } finally {
            conn.rollback();
            conn.setAutoCommit(true);
        }
    }

    /** The item file as it is, COPYed in CSV form: no client work, the server parses and checks the vectors. */
    private static void serverCsvCopy(Connection conn, EmbeddingsArtifacts a, int rows) throws Exception {
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement(); InputStream in = Files.newInputStream(a.itemEmbeddings())) {
            st.execute("CREATE TABLE bench_csv (id varchar(64) NOT NULL, embedding vector(" + DIM + ") NOT NULL)");
            long copied = conn.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY bench_csv (id, embedding) FROM STDIN WITH (FORMAT csv, HEADER, FREEZE)", in);
            if (copied != rows) {
                throw new IllegalStateException("server CSV COPY copied " + copied + " rows");
            }
        } finally {
            conn.rollback();
            conn.setAutoCommit(true);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private static double seconds(Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        return (System.nanoTime() - started) / 1e9;
    }

    /** The 1-minute load average (Linux), or -1: other work on the machine changes every figure here. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void print(String metric, double value, String unit, String format) {
        System.out.printf(Locale.ROOT, "embeddings-loader.%s: " + format + " %s%n", metric, value, unit);
    }

    private static void note(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[embeddings-loader bench] " + format + "%n", args);
    }
}
