package com.scalemodels.recs.vectordb;

import com.scalemodels.recs.model.Distance;
import com.scalemodels.recs.vectordb.internal.ItemMatrix;
import com.scalemodels.recs.vectordb.internal.RetrievalArguments;
import com.scalemodels.recs.vectordb.internal.TopK;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An exact in-memory copy of the live item table ({@link SimilarityClient#copyLiveItems}): every query is scored
 * against every item, so results are the brute-force ranking (higher score first, then the smaller id), with no
 * index to tune and no recall to lose. A batch is one pass over the items per group of queries, split across the
 * CPUs (see {@code ItemMatrix}); final scores are recomputed in double precision, as the brute force computes them.
 *
 * <p>Needs the JDK's Vector API ({@code --add-modules=jdk.incubator.vector}): check {@link #supported()} first.
 * Immutable once built and thread-safe; {@link #close()} stops its worker threads.
 */
public final class InMemoryItemIndex implements ItemRetrieval, AutoCloseable {

    /** Estimated heap per item beyond its vectors: the id string, its array slot and its hash-map entry. */
    static final int BYTES_PER_ID = 120;
    /** Below this many query-item pairs a batch is scored on the calling thread alone. */
    private static final long PARALLEL_PAIRS = 250_000;

    private final String modelVersion;
    private final Distance distance;
    private final Distance itemDistance;
    private final int dim;
    private final String[] ids;
    private final float[] vectors;
    private final Map<String, Integer> rowOf;
    private final Map<Distance, ItemMatrix> matrices;
    private final int threads;
    private final ExecutorService workers;

    private InMemoryItemIndex(ItemSnapshot snapshot, Distance distance, Distance itemDistance, int threads) {
        this.modelVersion = snapshot.modelVersion().orElse(null);
        this.distance = distance;
        this.itemDistance = itemDistance;
        this.dim = snapshot.dimension();
        this.ids = snapshot.ids();
        this.vectors = snapshot.vectors();
        this.rowOf = new HashMap<>(ids.length * 4 / 3 + 1);
        for (int r = 0; r < ids.length; r++) {
            rowOf.put(ids[r], r);
        }
        this.matrices = new EnumMap<>(Distance.class);
        for (Distance d : EnumSet.of(distance, itemDistance)) {
            matrices.put(d, new ItemMatrix(vectors, ids.length, dim, d == Distance.COSINE));
        }
        this.threads = Math.max(1, threads);
        AtomicInteger n = new AtomicInteger();
        this.workers = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "item-index-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether this JVM has the Vector API the index is scored with. */
    public static boolean supported() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * @param snapshot a complete copy ({@link ItemSnapshot#copied()})
     * @param threads how many CPUs a batch is split across
     */
    public static InMemoryItemIndex of(ItemSnapshot snapshot, Distance distance, Distance itemDistance, int threads) {
        Objects.requireNonNull(distance, "distance");
        Objects.requireNonNull(itemDistance, "itemDistance");
        if (!snapshot.copied()) {
            throw new IllegalArgumentException("the snapshot holds only the table's size (" + snapshot.rows()
                    + " rows), not its rows");
        }
        if (!supported()) {
            throw new IllegalStateException("the in-memory item index needs the JVM option"
                    + " --add-modules=jdk.incubator.vector");
        }
        return new InMemoryItemIndex(snapshot, distance, itemDistance, threads);
    }

    /** Heap an index of {@code rows} items of dimension {@code dim} takes, for a budget check before copying. */
    public static long bytesFor(long rows, int dim, Distance distance, Distance itemDistance) {
        int matrices = distance == itemDistance ? 1 : 2;
        return rows * ((long) dim * Float.BYTES * (1 + matrices) + BYTES_PER_ID);
    }

    /** The model version of the copied table; empty when the database had no version bookkeeping. */
    public Optional<String> modelVersion() {
        return Optional.ofNullable(modelVersion);
    }

    public int size() {
        return ids.length;
    }

    /** Up to {@code n} ids of the catalog, spread over it (for warming the scan up). */
    public List<String> sampleIds(int n) {
        List<String> sample = new ArrayList<>(Math.min(n, ids.length));
        for (int i = 0; i < Math.min(n, ids.length); i++) {
            sample.add(ids[(int) ((long) i * ids.length / Math.min(n, ids.length))]);
        }
        return sample;
    }

    public long bytes() {
        return bytesFor(ids.length, dim, distance, itemDistance);
    }

    @Override
    public List<List<ScoredItem>> itemsForVectors(List<float[]> queries, List<Set<String>> excludeIds, int k) {
        RetrievalArguments.checkQueries(queries, excludeIds, k, dim);
        int[][] excluded = new int[queries.size()][];
        for (int i = 0; i < queries.size(); i++) {
            excluded[i] = excludeIds.isEmpty() ? new int[0] : rowsOf(excludeIds.get(i));
        }
        return topK(distance, queries.toArray(new float[0][]), excluded, k);
    }

    @Override
    public Map<String, List<ScoredItem>> similarItems(Collection<String> itemIds, int k) {
        RetrievalArguments.checkK(k);
        Set<String> ids = new LinkedHashSet<>(itemIds);
        RetrievalArguments.checkBatch("itemIds", ids.size());
        Set<String> known = new LinkedHashSet<>();
        for (String id : ids) {
            if (rowOf.containsKey(id)) {
                known.add(id);
            }
        }
        float[][] queries = new float[known.size()][];
        int[][] excluded = new int[known.size()][];
        int i = 0;
        for (String id : known) {
            int row = rowOf.get(id);
            queries[i] = Arrays.copyOfRange(vectors, row * dim, (row + 1) * dim);
            excluded[i++] = new int[] {row};
        }
        List<List<ScoredItem>> found = topK(itemDistance, queries, excluded, k);
        Map<String, List<ScoredItem>> result = new LinkedHashMap<>();
        i = 0;
        for (String id : known) {
            result.put(id, found.get(i++));
        }
        return result;
    }

    @Override
    public Map<String, float[]> itemEmbeddings(Collection<String> itemIds) {
        Map<String, float[]> found = new HashMap<>();
        for (String id : itemIds) {
            Integer row = rowOf.get(id);
            if (row != null) {
                found.put(id, Arrays.copyOfRange(vectors, row * dim, (row + 1) * dim));
            }
        }
        return found;
    }

    /** Stops the worker threads once the batches already handed to them are done. */
    @Override
    public void close() {
        if (workers != null) {
            workers.shutdown();
        }
    }

    private int[] rowsOf(Set<String> exclude) {
        int[] rows = new int[exclude.size()];
        int n = 0;
        for (String id : exclude) {
            Integer row = rowOf.get(id);
            if (row != null) {
                rows[n++] = row;
            }
        }
        int[] sorted = Arrays.copyOf(rows, n);
        Arrays.sort(sorted);
        return sorted;
    }

    private List<List<ScoredItem>> topK(Distance measure, float[][] queries, int[][] excluded, int k) {
        if (queries.length == 0) {
            return List.of();
        }
        ItemMatrix matrix = matrices.get(measure);
        float[][] scored = matrix.queries(queries);
        int parts = (long) queries.length * matrix.itemsPerQuery() < PARALLEL_PAIRS ? 1 : threads;
        List<TopK[]> partial = new ArrayList<>(parts);
        List<Callable<Void>> scans = new ArrayList<>(parts);
        int perPart = ((matrix.groups() / 2 + parts - 1) / parts) * 2;
        for (int p = 0; p < parts; p++) {
            int from = Math.min(matrix.groups(), p * perPart);
            int to = Math.min(matrix.groups(), from + perPart);
            TopK[] tops = new TopK[queries.length];
            for (int q = 0; q < queries.length; q++) {
                tops[q] = new TopK(k, ids);
            }
            partial.add(tops);
            scans.add(() -> {
                matrix.scan(scored, excluded, tops, from, to);
                return null;
            });
        }
        run(scans);
        List<List<ScoredItem>> results = new ArrayList<>(queries.length);
        for (int q = 0; q < queries.length; q++) {
            List<ScoredItem> candidates = new ArrayList<>(k * parts);
            for (TopK[] tops : partial) {
                for (int i = 0; i < tops[q].size(); i++) {
                    int row = tops[q].row(i);
                    candidates.add(new ScoredItem(ids[row], exactScore(measure, queries[q], row)));
                }
            }
            candidates.sort(Comparator.comparingDouble(ScoredItem::score).reversed().thenComparing(ScoredItem::id));
            results.add(List.copyOf(candidates.subList(0, Math.min(k, candidates.size()))));
        }
        return results;
    }

    private void run(List<Callable<Void>> scans) {
        try {
            if (scans.size() == 1) {
                scans.get(0).call();
                return;
            }
            for (Future<Void> f : workers.invokeAll(scans)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scoring failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("scoring failed: " + e, e);
        }
    }

    /** The score the brute force computes (double precision): higher is more similar. */
    private double exactScore(Distance measure, float[] query, int row) {
        double dot = 0;
        double queryNorm = 0;
        double itemNorm = 0;
        int offset = row * dim;
        for (int d = 0; d < dim; d++) {
            float x = vectors[offset + d];
            dot += (double) query[d] * x;
            queryNorm += (double) query[d] * query[d];
            itemNorm += (double) x * x;
        }
        return measure == Distance.INNER_PRODUCT ? dot : dot / Math.sqrt(queryNorm * itemNorm);
    }
}
