package com.scalemodels.recs.loader;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.scalemodels.recs.logging.LogContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Load, roll back and report embedding versions. A load: manifest and metrics.json → one connection → advisory
 * lock → schema → (no-op if the version is already live) → quality gate (before any staging: the index build takes
 * minutes) → one transaction that stages, validates + COPYs, indexes and analyzes → one short transaction that
 * swaps the new version in and retires the one before the previous.
 */
public final class EmbeddingsLoaderService {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingsLoaderService.class);
    /** metrics.json is a few KB; a bound keeps a wrong file from filling the heap and the bookkeeping row. */
    private static final long MAX_METRICS_BYTES = 1 << 20;

    private final DatabaseConnector database;
    private final LoadSettings settings;
    private final ProgressListener progress;
    private final LoaderLock lock = new LoaderLock();
    private final SchemaInstaller schema = new SchemaInstaller();
    private final VersionStore versions = new VersionStore();
    private final QualityGate gate;
    private final ReaderGrants readers;
    private final VersionSwitcher switcher;

    /**
     * @param gate the quality gate's floors and tolerance
     * @param reader the read-only role to keep granted on the live version, if any
     */
    public EmbeddingsLoaderService(DatabaseConnector database, LoadSettings settings, QualityGateSettings gate,
            ProgressListener progress, Optional<ReaderRole> reader) {
        this.database = database;
        this.settings = settings;
        this.gate = new QualityGate(gate);
        this.progress = progress;
        this.readers = ReaderGrants.of(reader, database);
        this.switcher = new VersionSwitcher(readers);
    }

    /** With the quality gate's defaults (what a deployed loader uses when none of its variables are set). */
    public EmbeddingsLoaderService(DatabaseConnector database, LoadSettings settings, ProgressListener progress) {
        this(database, settings, QualityGateSettings.defaults(), progress, Optional.empty());
    }

    /** Validates the input without a database: an empty Problems means a load would accept it. */
    public Problems validate(EmbeddingsSource source) {
        EmbeddingsArtifacts artifacts = source.resolve();
        Problems problems = new Problems();
        EmbeddingFileReader reader = new EmbeddingFileReader(progress);
        try {
            for (IdKind kind : IdKind.values()) {
                reader.read(artifacts.file(kind), kind, artifacts.embeddingDim(), problems, RowSink.NONE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("unreachable: no database sink", e);
        }
        return problems;
    }

    /**
     * @param force reload the live version, and load even when the quality gate refuses the version (logged with
     *     the metrics it overrode)
     * @throws QualityGateException when the gate refuses the version and {@code force} is false; nothing changed
     */
    public LoadOutcome load(EmbeddingsSource source, boolean force) {
        String runId = startRun();
        try {
            // Artifacts first (download, verify, expected version): bad input fails before any database work.
            EmbeddingsArtifacts artifacts = source.resolve();
            LOG.info("load requested", kv("event", "load_started"), kv("model_version", artifacts.modelVersion()),
                    kv("embedding_dim", artifacts.embeddingDim()), kv("distance", artifacts.distance().manifestName()),
                    kv("force", force), kv("database", database.redactedUrl()));
            ModelMetrics metrics = readMetrics(artifacts);
            try (Connection conn = database.open()) {
                prepareSession(conn);
                try {
                    Optional<LoadOutcome> noop = force ? Optional.empty() : unchanged(conn, artifacts, metrics, runId);
                    if (noop.isPresent()) {
                        LOG.info(noop.get().message(), kv("event", "load_unchanged"), kv("status", "unchanged"),
                                kv("model_version", artifacts.modelVersion()));
                        return noop.get();
                    }
                    String gateNote = passGate(conn, artifacts.modelVersion(), metrics, force);
                    return loadAndSwap(conn, artifacts, metrics.values().isEmpty() ? null : metrics.storedJson(),
                            gateNote, runId);
                } finally {
                    lock.release(conn);
                }
            }
        } catch (SQLException e) {
            throw translate(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            MDC.remove(LogContext.CORRELATION_ID);
        }
    }

    public LoadOutcome rollback() {
        String runId = startRun();
        try (Connection conn = database.open()) {
            prepareSession(conn);
            Optional<VersionRow> live = versions.withStatus(conn, "live");
            long started = System.nanoTime();
            String version;
            try {
                version = switcher.rollback(conn);
            } finally {
                lock.release(conn);
            }
            long swapMillis = millisSince(started);
            VersionRow now = versions.withStatus(conn, "live").orElseThrow();
            String message = "rolled back from " + live.map(VersionRow::modelVersion).orElse("?") + " to " + version;
            LOG.info(message, kv("event", "rollback_done"), kv("status", "rolled_back"), kv("model_version", version),
                    kv("swap_ms", swapMillis));
            return new LoadOutcome(LoadOutcome.Status.ROLLED_BACK, now, message, runId,
                    new LoadOutcome.Timings(0, 0, swapMillis));
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            MDC.remove(LogContext.CORRELATION_ID);
        }
    }

    /** Every recorded version, newest first; empty when the loader never ran against this database. */
    public List<VersionRow> status() {
        try (Connection conn = database.open()) {
            return versions.installed(conn) ? versions.all(conn) : List.of();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private void prepareSession(Connection conn) throws SQLException {
        // COPY and index builds of large versions take minutes: no statement timeout for this session (the swap
        // bounds its own waits with lock_timeout). Notices of the idempotent schema would only be noise.
        try (Statement st = conn.createStatement()) {
            st.execute("SET statement_timeout = 0");
            st.execute("SET client_min_messages = warning");
        }
        lock.acquire(conn);
        schema.install(conn);
        readers.ensure(conn);
        int discarded = versions.discardStaged(conn);
        if (discarded > 0) {
            LOG.warn("dropped versions an interrupted run had left staged", kv("discarded", discarded));
        }
    }

    private Optional<LoadOutcome> unchanged(Connection conn, EmbeddingsArtifacts artifacts, ModelMetrics metrics,
            String runId) throws SQLException {
        Optional<VersionRow> live = versions.withStatus(conn, "live");
        if (live.isPresent() && live.get().modelVersion().equals(artifacts.modelVersion())) {
            VersionRow v = live.get();
            if (!sameModel(v, metrics)) {
                // A retrained model under the same name would otherwise be skipped, and the inference function would
                // pair its new towers with the old embeddings: the version check cannot see that, the metrics can.
                throw new LoaderStateException("model version " + v.modelVersion() + " is live with other metrics"
                        + " than this metrics.json, so these artifacts are another model under the same name; give a"
                        + " retrained model its own model_version, or use --force to replace the live one");
            }
            return Optional.of(new LoadOutcome(LoadOutcome.Status.UNCHANGED, v, "model version " + v.modelVersion()
                    + " is already live (activated " + v.activatedAt() + "); nothing to do. Use --force to reload it.",
                    runId, LoadOutcome.Timings.NONE));
        }
        Optional<VersionRow> previous = versions.withStatus(conn, "previous");
        if (previous.isPresent() && previous.get().modelVersion().equals(artifacts.modelVersion())) {
            VersionRow v = previous.get();
            // Someone rolled this version back on purpose: a routine re-run must not silently undo that.
            return Optional.of(new LoadOutcome(LoadOutcome.Status.UNCHANGED, v, "model version " + v.modelVersion()
                    + " was rolled back and is kept as the previous version; nothing to do. Use --rollback to make it"
                    + " live again or --force to reload it.", runId, LoadOutcome.Timings.NONE));
        }
        return Optional.empty();
    }

    /** Whether the live row's recorded metrics are this metrics.json's; true when either side has none to compare. */
    private static boolean sameModel(VersionRow live, ModelMetrics metrics) {
        if (live.metrics() == null || metrics.values().isEmpty()) {
            return true;
        }
        return ModelMetrics.parse(live.metrics().getBytes(StandardCharsets.UTF_8), "embedding_versions.metrics")
                .values().equals(metrics.values());
    }

    private static ModelMetrics readMetrics(EmbeddingsArtifacts artifacts) throws IOException {
        if (artifacts.metrics().isEmpty()) {
            return ModelMetrics.missing(ModelMetrics.FILE + ": not listed in manifest.json, so model version "
                    + artifacts.modelVersion() + " has no offline evaluation");
        }
        Path file = artifacts.metrics().get();
        if (Files.size(file) > MAX_METRICS_BYTES) {
            return ModelMetrics.missing(ModelMetrics.FILE + ": larger than " + MAX_METRICS_BYTES + " bytes");
        }
        return ModelMetrics.parse(Files.readAllBytes(file), ModelMetrics.FILE);
    }

    /**
     * Judges the version against the floors and the live version's recorded metrics; refuses it unless forced.
     * Returns the gate's part of the outcome message.
     */
    private String passGate(Connection conn, String modelVersion, ModelMetrics metrics, boolean force)
            throws SQLException {
        Optional<QualityGate.Live> live = versions.withStatus(conn, "live").map(row -> new QualityGate.Live(
                row.modelVersion(), row.metrics() == null ? null : ModelMetrics.parse(
                        row.metrics().getBytes(StandardCharsets.UTF_8), "recorded metrics of " + row.modelVersion())));
        QualityGate.Verdict verdict = gate.judge(modelVersion, metrics, live);
        for (String note : verdict.notes()) {
            LOG.info("quality gate: " + note, kv("model_version", modelVersion));
        }
        if (verdict.passed()) {
            LOG.info("quality gate passed", kv("model_version", modelVersion), kv("metrics", metrics.values()));
            return "quality gate passed";
        }
        if (!force) {
            LOG.warn("quality gate refused the version; the database is unchanged", kv("event", "load_refused"),
                    kv("reason", "quality_gate"), kv("model_version", modelVersion),
                    kv("failures", verdict.failures()), kv("metrics", metrics.values()));
            throw new QualityGateException(verdict.refusal(), verdict.failures());
        }
        LOG.warn("quality gate overridden by force", kv("event", "quality_gate_overridden"),
                kv("model_version", modelVersion),
                kv("overridden_failures", verdict.failures()), kv("metrics", metrics.values()));
        return "quality gate overridden by force: " + String.join("; ", verdict.failures());
    }

    private LoadOutcome loadAndSwap(Connection conn, EmbeddingsArtifacts artifacts, String metricsJson,
            String gateNote, String runId) throws SQLException, IOException {
        StagingLoader staging = new StagingLoader(new EmbeddingFileReader(progress));
        Problems problems = new Problems();
        int tableId;
        long itemRows;
        long userRows;
        long copyMillis;
        long indexMillis;
        conn.setAutoCommit(false);
        try {
            long started = System.nanoTime();
            tableId = staging.stage(conn, artifacts, metricsJson);
            itemRows = staging.copy(conn, tableId, IdKind.ITEM, artifacts, problems);
            userRows = staging.copy(conn, tableId, IdKind.USER, artifacts, problems);
            copyMillis = millisSince(started);
            if (!problems.isEmpty()) {
                conn.rollback();
                LOG.warn("input rejected; the database is unchanged", kv("event", "load_refused"),
                        kv("reason", "invalid_input"), kv("model_version", artifacts.modelVersion()),
                        kv("problems", problems.total()),
                        kv("first_problems", problems.first().stream().map(Problem::toString).toList()));
                throw new InvalidEmbeddingsException(problems);
            }
            LOG.info("copied", kv("item_rows", itemRows), kv("user_rows", userRows), kv("copy_ms", copyMillis));
            started = System.nanoTime();
            staging.finish(conn, tableId, settings);
            conn.commit();
            indexMillis = millisSince(started);
            LOG.info("indexed", kv("table_id", tableId), kv("index_ms", indexMillis), kv("hnsw_m", settings.hnswM()),
                    kv("hnsw_ef_construction", settings.hnswEfConstruction()),
                    kv("item_distance", artifacts.itemDistance().manifestName()));
        } catch (SQLException | IOException | RuntimeException e) {
            quietRollback(conn);
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
        long started = System.nanoTime();
        try {
            switcher.activate(conn, tableId);
        } catch (SQLException | RuntimeException e) {
            discardQuietly(conn);
            throw e;
        }
        long swapMillis = millisSince(started);
        VersionRow live = versions.withStatus(conn, "live").orElseThrow();
        String message = "model version " + live.modelVersion() + " is live (" + live.itemRows() + " items, "
                + live.userRows() + " users); " + gateNote;
        LOG.info(message, kv("event", "load_done"), kv("status", "loaded"), kv("model_version", live.modelVersion()),
                kv("item_rows", live.itemRows()), kv("user_rows", live.userRows()), kv("copy_ms", copyMillis),
                kv("index_ms", indexMillis), kv("swap_ms", swapMillis),
                kv("duration_ms", copyMillis + indexMillis + swapMillis));
        return new LoadOutcome(LoadOutcome.Status.LOADED, live, message, runId,
                new LoadOutcome.Timings(copyMillis, indexMillis, swapMillis));
    }

    private void discardQuietly(Connection conn) {
        try {
            versions.discardStaged(conn);
        } catch (SQLException e) {
            LOG.warn("could not drop the staged version; the next run will", e);
        }
    }

    private static void quietRollback(Connection conn) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback after failure failed", e);
        }
    }

    private RuntimeException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.startsWith("28") || state.equals("57P01")) {
            return new DatabaseUnavailableException("lost the vector database " + database.redactedUrl() + ": "
                    + e.getMessage(), e);
        }
        if (state.startsWith("55")) {
            return new LoaderStateException(e.getMessage(), e);
        }
        return new IllegalStateException("database error (SQLSTATE " + state + "): " + e.getMessage(), e);
    }

    private static String startRun() {
        String runId = UUID.randomUUID().toString();
        MDC.put(LogContext.CORRELATION_ID, runId);
        return runId;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
