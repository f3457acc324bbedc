package com.scalemodels.recs.inference.recommend;

import com.scalemodels.recs.vectordb.InMemoryItemIndex;
import com.scalemodels.recs.vectordb.ItemRetrieval;
import com.scalemodels.recs.vectordb.ItemSnapshot;
import com.scalemodels.recs.vectordb.ModelVersionMismatchException;
import com.scalemodels.recs.vectordb.ScoredItem;
import com.scalemodels.recs.vectordb.SimilarityClient;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The item catalog this function ranks against: an exact in-memory copy of the live item table when it fits the
 * budget ({@code RECS_IN_MEMORY_CATALOG_MB}), pgvector otherwise. The copy is taken in one transaction with the
 * model version it belongs to, and is only ever used for the towers' own version: when it holds another one (the
 * function started before the loader swapped its version in) it is copied again on the first call after the
 * {@link LiveVersionGuard} saw the database serve the towers' version, and a copy that still holds another
 * version refuses the call. A batch therefore ranks against one version's items, never a mix. Each choice is one
 * log line ({@code event} {@code retrieval_ready}) naming the mode, the reason, the size and the budget.
 */
public final class ItemCatalog implements ItemRetrieval, AutoCloseable {

    /** How the catalog is served. */
    public enum Mode {
        IN_MEMORY("in_memory"), PGVECTOR("pgvector");

        private final String logName;

        Mode(String logName) {
            this.logName = logName;
        }

        public String logName() {
            return logName;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ItemCatalog.class);
    private static final long MB = 1024 * 1024;
    private static final int WARM_UP_QUERIES = 8;
    /** What Terraform and SAM set in JAVA_TOOL_OPTIONS for the in-memory copy. */
    static final String JVM_OPTIONS = "--add-modules=jdk.incubator.vector -XX:+TieredCompilation -XX:TieredStopAtLevel=4";

    private final SimilarityClient database;
    private final String modelVersion;
    private final long budgetBytes;
    private final int threads;
    private volatile InMemoryItemIndex copy;

    private ItemCatalog(SimilarityClient database, String modelVersion, long budgetBytes, int threads) {
        this.database = Objects.requireNonNull(database, "database");
        this.modelVersion = Objects.requireNonNull(modelVersion, "modelVersion");
        this.budgetBytes = budgetBytes;
        this.threads = threads;
    }

    /**
     * Copies the live item table into memory when it fits, else serves from pgvector; logs the choice.
     *
     * @param modelVersion the version of the loaded towers: the only one the copy may serve
     * @param budgetMb largest copy in MiB; 0 serves from pgvector always
     * @param threads CPUs a batch is scored on
     */
    public static ItemCatalog open(SimilarityClient database, String modelVersion, int budgetMb, int threads) {
        ItemCatalog catalog = new ItemCatalog(database, modelVersion, budgetMb * MB, threads);
        catalog.load("init");
        return catalog;
    }

    public Mode mode() {
        return copy == null ? Mode.PGVECTOR : Mode.IN_MEMORY;
    }

    /** Whether batches can be answered with the database out of reach: a copy is in memory. */
    public boolean answersWithoutDatabase() {
        return copy != null;
    }

    /** Items in the in-memory copy; 0 when served from pgvector. */
    public int copiedItems() {
        InMemoryItemIndex c = copy;
        return c == null ? 0 : c.size();
    }

    @Override
    public List<List<ScoredItem>> itemsForVectors(List<float[]> queries, List<Set<String>> excludeIds, int k) {
        return active().itemsForVectors(queries, excludeIds, k);
    }

    @Override
    public Map<String, List<ScoredItem>> similarItems(Collection<String> itemIds, int k) {
        return active().similarItems(itemIds, k);
    }

    @Override
    public Map<String, float[]> itemEmbeddings(Collection<String> itemIds) {
        return active().itemEmbeddings(itemIds);
    }

    @Override
    public void close() {
        InMemoryItemIndex c = copy;
        copy = null;
        if (c != null) {
            c.close();
        }
    }

    private ItemRetrieval active() {
        InMemoryItemIndex c = copy;
        if (c == null) {
            return database;
        }
        return servesTheTowersVersion(c) ? c : recopy();
    }

    private synchronized ItemRetrieval recopy() {
        InMemoryItemIndex c = copy;
        if (c != null && !servesTheTowersVersion(c)) {
            load("model_version_changed");
            c = copy;
        }
        if (c == null) {
            return database;
        }
        if (!servesTheTowersVersion(c)) {
            throw new ModelVersionMismatchException(modelVersion, c.modelVersion().orElseThrow());
        }
        return c;
    }

    /** A table without version bookkeeping is served as it is, as the {@link LiveVersionGuard} does. */
    private boolean servesTheTowersVersion(InMemoryItemIndex c) {
        return c.modelVersion().map(modelVersion::equals).orElse(true);
    }

    private void load(String reason) {
        long started = System.nanoTime();
        if (budgetBytes == 0) {
            usePgvector(reason, "in-memory copy disabled (RECS_IN_MEMORY_CATALOG_MB=0)", -1);
            return;
        }
        if (!InMemoryItemIndex.supported()) {
            usePgvector(reason, "the JVM lacks the Vector API: set JAVA_TOOL_OPTIONS=" + JVM_OPTIONS, -1);
            return;
        }
        if (!compilesWithC2()) {
            // C1 does not turn Vector API calls into SIMD instructions: every operation allocates, and a scan is
            // far slower than pgvector.
            usePgvector(reason, "the JVM compiles with C1 only (Lambda's java21 default): set JAVA_TOOL_OPTIONS="
                    + JVM_OPTIONS, -1);
            return;
        }
        // The old copy is still referenced while the new one is read: only what the heap can hold besides it.
        Runtime rt = Runtime.getRuntime();
        long heapFree = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long budget = Math.min(budgetBytes, heapFree);
        long perItem = InMemoryItemIndex.bytesFor(1, database.dimension(), database.distance(),
                database.itemDistance());
        ItemSnapshot snapshot = database.copyLiveItems(budget / perItem);
        if (!snapshot.copied()) {
            usePgvector(reason, "catalog of " + snapshot.rows() + " items needs "
                    + snapshot.rows() * perItem / MB + " MiB, over the budget of " + budget / MB + " MiB"
                    + (budget < budgetBytes ? " (the free heap)" : " (RECS_IN_MEMORY_CATALOG_MB)"),
                    snapshot.rows());
            return;
        }
        InMemoryItemIndex index = InMemoryItemIndex.of(snapshot, database.distance(), database.itemDistance(),
                threads);
        warmUp(index);
        InMemoryItemIndex old = copy;
        copy = index;
        if (old != null) {
            old.close();
        }
        LOG.atInfo().addKeyValue("event", "retrieval_ready")
                .addKeyValue("retrieval", Mode.IN_MEMORY.logName())
                .addKeyValue("reason", reason)
                .addKeyValue("model_version", snapshot.modelVersion().orElse(null))
                .addKeyValue("catalog_items", index.size())
                .addKeyValue("catalog_mb", index.bytes() / MB)
                .addKeyValue("budget_mb", budget / MB)
                .addKeyValue("threads", threads)
                .addKeyValue("load_ms", (System.nanoTime() - started) / 1_000_000)
                .log("item catalog copied into memory: exact top-k");
    }

    /** Whether hot code reaches C2: tiered compilation off (C2 only), or allowed up to tier 4. */
    static boolean compilesWithC2() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return !Boolean.parseBoolean(vm.getVMOption("TieredCompilation").getValue())
                    || Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) >= 4;
        } catch (RuntimeException e) {
            return true; // not HotSpot: its own compiler, nothing to tell
        }
    }

    /** One small batch through both scans, so the JIT has compiled them before the first real request. */
    private static void warmUp(InMemoryItemIndex index) {
        if (index.size() == 0) {
            return;
        }
        List<String> seeds = List.copyOf(index.sampleIds(WARM_UP_QUERIES));
        List<float[]> queries = new ArrayList<>(index.itemEmbeddings(seeds).values());
        index.itemsForVectors(queries, List.of(), 10);
        index.similarItems(seeds, 5);
    }

    private void usePgvector(String reason, String why, long rows) {
        InMemoryItemIndex old = copy;
        copy = null;
        if (old != null) {
            old.close();
        }
        LOG.atInfo().addKeyValue("event", "retrieval_ready")
                .addKeyValue("retrieval", Mode.PGVECTOR.logName())
                .addKeyValue("reason", reason)
                .addKeyValue("catalog_items", rows < 0 ? null : rows)
                .addKeyValue("budget_mb", budgetBytes / MB)
                .log("item catalog served by pgvector: {}", why);
    }
}
