package com.scalemodels.recs.loader;

import com.scalemodels.recs.testing.JdbcSettings;
import com.scalemodels.recs.testing.LocalDatabases;
import com.scalemodels.recs.model.Distance;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Benchmark (./bench.sh embeddings-loader): N random 32-dim item rows (default 1,000,000, fixed seed) as CSV.
 * Compares the loader's validation + COPY with a raw COPY … FORMAT BINARY of the same rows from pre-built bytes
 * (same table DDL, same FREEZE), then times the index build and the swap. Figures on stdout, notes on stderr.
 * Arguments: [rows] [copy-only|full] [parse-workers] — copy-only skips the index build and the swap (minutes at a
 * million rows); parse-workers defaults to the loader's own default.
 *
 * <p>Beside the wall-clock figures it prints where the CPU went: the benchmark process's CPU time and, when the
 * server runs on this machine, the COPY backend's (from /proc). With client and server sharing the cores, the
 * loader can be no faster than (client CPU + server CPU) / cores, whatever its threading; the
 * {@code loader_vs_raw_copy_cpu_bound} figure is that limit. {@code client_only_rows_per_second} (validation and
 * COPY encoding with no database) is what the loader can feed a server that has cores of its own.
 */
public final class LoaderBench {

    private static final int DIM = 32;
    // Best of three: the first loader round also pays for JIT compilation, and other processes come and go.
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        if (args.length > 1 && !args[1].equals("copy-only") && !args[1].equals("full")) {
            throw new IllegalArgumentException("second argument: copy-only or full, got '" + args[1] + "'");
        }
        boolean copyOnly = args.length > 1 && args[1].equals("copy-only");
        int parseWorkers = args.length > 2 ? Integer.parseInt(args[2]) : EmbeddingFileReader.DEFAULT_PARSE_WORKERS;
        JdbcSettings admin = LocalDatabases.postgres();
        String dbName = "loader_bench_" + ProcessHandle.current().pid();
        Path dir = Files.createTempDirectory("loader-bench");
        try (Connection conn = admin.connect(); Statement st = conn.createStatement()) {
            st.execute("CREATE DATABASE " + dbName);
        }
        try {
            run(admin.withDatabase(dbName), dir, rows, copyOnly, parseWorkers);
        } finally {
            try (Connection conn = admin.connect(); Statement st = conn.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(JdbcSettings db, Path dir, int rows, boolean copyOnly, int parseWorkers)
            throws Exception {
        note("generating %,d rows of %d dims", rows, DIM);
        EmbeddingsArtifacts big = artifacts(dir.resolve("big"), "bench-big", rows, 1000, 42);
        EmbeddingsArtifacts tiny = artifacts(dir.resolve("tiny"), "bench-tiny", 1000, 100, 7);
        note("item CSV: %,d bytes", Files.size(big.itemEmbeddings()));
        byte[] prebuilt = prebuilt(big);
        LoadSettings settings = LoadSettings.defaults(16, 64).withIndexBuild(1024, 2);
        StagingLoader staging = new StagingLoader(new EmbeddingFileReader(ProgressListener.NONE, parseWorkers));

        try (Connection conn = db.connect()) {
            try (Statement st = conn.createStatement()) {
                st.execute("SET client_min_messages = warning");
            }
            new SchemaInstaller().install(conn);
            // A live version to swap away from, as in production.
            conn.setAutoCommit(false);
            int tinyId = staging.stage(conn, tiny);
            Problems none = new Problems();
            staging.copy(conn, tinyId, IdKind.ITEM, tiny, none);
            staging.copy(conn, tinyId, IdKind.USER, tiny, none);
            staging.finish(conn, tinyId, settings);
            conn.commit();
            conn.setAutoCommit(true);
            new VersionSwitcher(settings).activate(conn, tinyId);

            CpuClock cpu = new CpuClock(backendPid(conn));
            Run bestLoader = null;
            Run bestRaw = null;
            for (int round = 0; round < ROUNDS; round++) {
                bestRaw = Run.faster(bestRaw, rawCopy(conn, prebuilt, cpu));
                bestLoader = Run.faster(bestLoader, loaderCopy(conn, staging, big, round, cpu));
                note("round %d: raw %.3f s, loader %.3f s (best so far)", round + 1, bestRaw.seconds(),
                        bestLoader.seconds());
            }
            double clientOnly = Double.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                clientOnly = Math.min(clientOnly, clientOnlySeconds(big, parseWorkers));
            }

            int cores = Runtime.getRuntime().availableProcessors();
            print("loader_rows_per_second", rows / bestLoader.seconds(), "rows/s", "%.0f");
            print("raw_copy_binary_rows_per_second", rows / bestRaw.seconds(), "rows/s", "%.0f");
            print("loader_vs_raw_copy", bestRaw.seconds() / bestLoader.seconds(), "ratio", "%.2f");
            print("loader_client_cpu_seconds", bestLoader.clientCpu(), "s", "%.2f");
            print("raw_copy_client_cpu_seconds", bestRaw.clientCpu(), "s", "%.2f");
            if (cpu.seesServer()) {
                print("loader_server_cpu_seconds", bestLoader.serverCpu(), "s", "%.2f");
                print("raw_copy_server_cpu_seconds", bestRaw.serverCpu(), "s", "%.2f");
                double floor = (bestLoader.clientCpu() + bestLoader.serverCpu()) / cores;
                print("loader_vs_raw_copy_cpu_bound", Math.min(1, bestRaw.seconds() / floor), "ratio", "%.2f");
            }
            print("client_only_rows_per_second", rows / clientOnly, "rows/s", "%.0f");
            print("client_only_vs_raw_copy", bestRaw.seconds() / clientOnly, "ratio", "%.2f");
            print("cores", cores, "cores", "%.0f");
            print("parse_workers", parseWorkers, "threads", "%.0f");
            if (copyOnly) {
                return;
            }

            // The measured load, kept: users, keys, HNSW indexes, ANALYZE, then the swap.
            conn.setAutoCommit(false);
            int bigId = staging.stage(conn, big);
            Problems problems = new Problems();
            staging.copy(conn, bigId, IdKind.ITEM, big, problems);
            staging.copy(conn, bigId, IdKind.USER, big, problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(problems.report());
            }
            note("building indexes (maintenance_work_mem %d MB, %d workers)", settings.maintenanceWorkMemMb(),
                    settings.maxParallelMaintenanceWorkers());
            long started = System.nanoTime();
            staging.finish(conn, bigId, settings);
            conn.commit();
            double hnswSeconds = (System.nanoTime() - started) / 1e9;
            conn.setAutoCommit(true);
            started = System.nanoTime();
            new VersionSwitcher(settings).activate(conn, bigId);
            double swapMs = (System.nanoTime() - started) / 1e6;

            print("hnsw_build_seconds", hnswSeconds, "s", "%.1f");
            print("swap_ms", swapMs, "ms", "%.1f");
        }
    }

    /** Wall time and CPU time of one measured COPY. */
    private record Run(double seconds, double clientCpu, double serverCpu) {
        static Run faster(Run best, Run candidate) {
            return best == null || candidate.seconds() < best.seconds() ? candidate : best;
        }
    }

    /** CPU time of this process and, when readable in /proc, of the server backend on the other end. */
    private record CpuClock(int backendPid) {
        private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

        boolean seesServer() {
            return serverSeconds() >= 0;
        }

        double clientSeconds() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e9;
        }

        /** utime + stime of the backend, or -1 when the server is elsewhere or /proc is not readable. */
        double serverSeconds() {
            try {
                String stat = Files.readString(Path.of("/proc", Integer.toString(backendPid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        Run time(ThrowingRunnable body) throws Exception {
            double client = clientSeconds();
            double server = serverSeconds();
            long started = System.nanoTime();
            body.run();
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Run(seconds, clientSeconds() - client, serverSeconds() - server);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static int backendPid(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); var rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Validation + binary COPY of the item file into a new staged table, as a load does it; rolled back. */
    private static Run loaderCopy(Connection conn, StagingLoader staging, EmbeddingsArtifacts a, int round,
            CpuClock cpu) throws Exception {
        conn.setAutoCommit(false);
        try {
            int tableId = staging.stage(conn, a);
            Problems problems = new Problems();
            long[] rows = new long[1];
            Run run = cpu.time(() -> rows[0] = staging.copy(conn, tableId, IdKind.ITEM, a, problems));
            if (!problems.isEmpty() || rows[0] != countRows(conn, "item_emb_v" + tableId)) {
                throw new IllegalStateException("loader round " + round + " failed: " + problems.report());
            }
            return run;
        } finally {
            conn.rollback();
            conn.setAutoCommit(true);
        }
    }

    /** The same rows, pre-encoded, through the same kind of COPY into an identical fresh table; rolled back. */
    private static Run rawCopy(Connection conn, byte[] prebuilt, CpuClock cpu) throws Exception {
        conn.setAutoCommit(false);
        try {
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE TABLE bench_raw (id varchar(64) NOT NULL, embedding vector(" + DIM + ") NOT NULL)");
            }
            return cpu.time(() -> {
                CopyIn copy = conn.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY bench_raw (id, embedding) FROM STDIN WITH (FORMAT binary, FREEZE)");
                int chunk = 1 << 18;
                for (int off = 0; off < prebuilt.length; off += chunk) {
                    copy.writeToCopy(prebuilt, off, Math.min(chunk, prebuilt.length - off));
                }
                copy.endCopy();
            });
        } finally {
            conn.rollback();
            conn.setAutoCommit(true);
        }
    }

    /** Validation and COPY encoding of the item file as a load does them, into a byte counter: no database. */
    private static double clientOnlySeconds(EmbeddingsArtifacts a, int parseWorkers) throws Exception {
        long[] bytes = new long[1];
        long started = System.nanoTime();
        encodeItems(a, parseWorkers, (b, off, len) -> bytes[0] += len);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (bytes[0] == 0) {
            throw new IllegalStateException("client-only round encoded nothing");
        }
        return seconds;
    }

    /** The item file validated and encoded for COPY exactly as a load does it, into {@code sink}. */
    private static void encodeItems(EmbeddingsArtifacts a, int parseWorkers, BinaryCopyEncoder.ByteSink sink)
            throws Exception {
        BinaryCopyEncoder encoder = new BinaryCopyEncoder(IdKind.ITEM, DIM, sink);
        Problems problems = new Problems();
        new EmbeddingFileReader(ProgressListener.NONE, parseWorkers)
                .read(a.itemEmbeddings(), IdKind.ITEM, DIM, problems, encoder);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("generated rows did not validate: " + problems.report());
        }
        encoder.finish();
    }

    private static long countRows(Connection conn, String table) throws SQLException {
        try (Statement st = conn.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] prebuilt(EmbeddingsArtifacts a) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encodeItems(a, EmbeddingFileReader.DEFAULT_PARSE_WORKERS, out::write);
        note("pre-built COPY BINARY payload: %,d bytes", out.size());
        return out.toByteArray();
    }

    private static EmbeddingsArtifacts artifacts(Path dir, String version, int items, int users, long seed)
            throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        Path itemCsv = dir.resolve("item_embeddings.csv");
        Path userCsv = dir.resolve("user_embeddings.csv");
        try (BufferedWriter w = Files.newBufferedWriter(itemCsv, java.nio.charset.StandardCharsets.UTF_8)) {
            w.write("id,embedding\n");
            for (int i = 0; i < items; i++) {
                w.write("S" + i + ",\"" + TestArtifacts.vector(random, DIM) + "\"\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(userCsv, java.nio.charset.StandardCharsets.UTF_8)) {
            w.write("id,embedding\n");
            for (int i = 0; i < users; i++) {
                w.write(i + ",\"" + TestArtifacts.vector(random, DIM) + "\"\n");
            }
        }
        return new EmbeddingsArtifacts(version, DIM, Distance.INNER_PRODUCT, itemCsv, userCsv);
    }

    private static void print(String metric, double value, String unit, String format) {
        System.out.printf(Locale.ROOT, "embeddings-loader.%s: " + format + " %s%n", metric, value, unit);
    }

    private static void note(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[embeddings-loader bench] " + format + "%n", args);
    }
}
