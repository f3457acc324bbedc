package com.scalemodels.recs.vectordb;

import com.pgvector.PGvector;
import com.scalemodels.recs.model.Distance;
import com.scalemodels.recs.vectordb.internal.ItemCopyReader;
import com.scalemodels.recs.vectordb.internal.RetrievalArguments;
import com.scalemodels.recs.vectordb.internal.SqlErrors;
import com.scalemodels.recs.vectordb.internal.VectorDbPool;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Top-k similarity over {@code item_emb} and embedding lookups in {@code user_emb}/{@code item_emb}, with every
 * batch answered in one round trip.
 *
 * <p>Batched top-k binds all query vectors as one {@code vector[]} and lets a LATERAL subquery run
 * {@code ORDER BY embedding <op> q.v LIMIT n} per vector, the shape the HNSW index serves.
 *
 * <p>Exclusions (items already browsed) are removed after the scan: each query fetches
 * {@code k + |exclude|} candidates and drops excluded ids. Exclusion lists are bounded
 * ({@link #MAX_EXCLUDED}), so the over-fetch is too, and results stay the index's best k. pgvector's
 * {@code hnsw.iterative_scan} would filter inside the scan, but needs the exclusions in SQL per query vector
 * (ragged arrays) and returns rows in relaxed order.
 *
 * <p>HNSW returns at most {@code hnsw.ef_search} rows, so each batch sets it for its own transaction only
 * ({@code set_config(…, true)}, sent in the same network round trip as the query): at least
 * {@link #DEFAULT_MIN_EF_SEARCH}, and twice the largest per-query fetch, capped at 1000. Behind a pooler that pins
 * sessions on SET (RDS Proxy) use {@code ALTER ROLE … SET hnsw.ef_search} instead.
 *
 * <p>Thread-safe; each call borrows one pooled connection.
 */
public final class SimilarityClient implements ItemRetrieval, AutoCloseable {

    /** Most ids excluded from one query: a session's whole browse history. */
    public static final int MAX_EXCLUDED = RetrievalArguments.MAX_EXCLUDED;
    /** Most query vectors or item ids in one call. */
    public static final int MAX_BATCH = RetrievalArguments.MAX_BATCH;
    /**
     * Floor of {@code hnsw.ef_search}: pgvector's default 40 misses the 0.95 recall@10 bar on isotropic data, 150
     * clears it with a margin (recall per ef_search: README, "Benchmark"; the bar: {@code HnswRecallIT}).
     */
    public static final int DEFAULT_MIN_EF_SEARCH = 150;

    private static final String UNDEFINED_TABLE = "42P01";
    private static final int MAX_EF_SEARCH = 1000;

    private final DataSource dataSource;
    private final Distance distance;
    private final Distance itemDistance;
    private final int dimension;
    private final int minEfSearch;
    private final String itemsForVectorsSql;
    private final String similarItemsSql;

    /**
     * @param distance ranks items for a query vector (a user, a session): the manifest's {@code distance}
     * @param itemDistance ranks items for an item (similar items): the manifest's {@code item_distance}
     */
    public SimilarityClient(DataSource dataSource, Distance distance, Distance itemDistance, int dimension) {
        this(dataSource, distance, itemDistance, dimension, DEFAULT_MIN_EF_SEARCH);
    }

    public SimilarityClient(DataSource dataSource, Distance distance, Distance itemDistance, int dimension,
            int minEfSearch) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.distance = Objects.requireNonNull(distance, "distance");
        this.itemDistance = Objects.requireNonNull(itemDistance, "itemDistance");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive");
        }
        this.dimension = dimension;
        this.minEfSearch = Math.max(1, Math.min(MAX_EF_SEARCH, minEfSearch));
        // Operators are enum constants, never input. Each query orders by its own operator, so an HNSW index with
        // the matching opclass serves it; without one (or with another opclass) pgvector scans exactly.
        String op = distance.operator();
        String itemOp = itemDistance.operator();
        this.itemsForVectorsSql = "SELECT set_config('hnsw.ef_search', ?, true);"
                + " SELECT q.ord, r.id, r.d FROM unnest(?::vector[], ?::int[]) WITH ORDINALITY AS q(v, lim, ord)"
                + " CROSS JOIN LATERAL (SELECT e.id, e.embedding " + op + " q.v AS d FROM item_emb e"
                + " ORDER BY e.embedding " + op + " q.v LIMIT q.lim) r"
                + " ORDER BY q.ord, r.d, r.id";
        this.similarItemsSql = "SELECT set_config('hnsw.ef_search', ?, true);"
                + " SELECT q.id, r.id, r.d FROM unnest(?::varchar[]) WITH ORDINALITY AS q(id, ord)"
                + " JOIN item_emb s ON s.id = q.id"
                + " CROSS JOIN LATERAL (SELECT e.id, e.embedding " + itemOp + " s.embedding AS d FROM item_emb e"
                + " ORDER BY e.embedding " + itemOp + " s.embedding LIMIT ?) r"
                + " WHERE r.id <> q.id ORDER BY q.ord, r.d, r.id";
    }

    /**
     * A client with its own pool, credentials resolved at once (Secrets Manager through a URL-connection client,
     * built only when the config names a secret) and read again when the database rejects them after a rotation
     * ({@link RotatingLogin}). Closing the client closes the pool.
     */
    public static SimilarityClient create(VectorDbConfig config, Distance distance, Distance itemDistance,
            int dimension) {
        return create(config, distance, itemDistance, dimension, () -> SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).build());
    }

    public static SimilarityClient create(VectorDbConfig config, Distance distance, Distance itemDistance,
            int dimension, Supplier<SecretsManagerClient> secrets) {
        RotatingLogin login = new RotatingLogin(config.credentials(), new DatabaseLogin(secrets)::resolve);
        return new SimilarityClient(VectorDbPool.create(config, login), distance, itemDistance, dimension);
    }

    /** The top-k statement (after the set_config one), for EXPLAIN in tests. */
    String itemsForVectorsQuery() {
        return itemsForVectorsSql.substring(itemsForVectorsSql.indexOf(';') + 1).strip();
    }

    /** The similar-items statement (after the set_config one), for EXPLAIN in tests. */
    String similarItemsQuery() {
        return similarItemsSql.substring(similarItemsSql.indexOf(';') + 1).strip();
    }

    /** The measure of {@link #itemsForVectors}. */
    public Distance distance() {
        return distance;
    }

    /** The measure of {@link #similarItems}. */
    public Distance itemDistance() {
        return itemDistance;
    }

    public int dimension() {
        return dimension;
    }

    @Override
    public List<List<ScoredItem>> itemsForVectors(List<float[]> queries, List<Set<String>> excludeIds, int k) {
        RetrievalArguments.checkQueries(queries, excludeIds, k, dimension);
        if (queries.isEmpty()) {
            return List.of();
        }
        PGvector[] vectors = new PGvector[queries.size()];
        Integer[] limits = new Integer[queries.size()];
        int maxLimit = 0;
        for (int i = 0; i < queries.size(); i++) {
            vectors[i] = new PGvector(queries.get(i));
            limits[i] = k + (excludeIds.isEmpty() ? 0 : excludeIds.get(i).size());
            maxLimit = Math.max(maxLimit, limits[i]);
        }
        List<List<ScoredItem>> results = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            results.add(new ArrayList<>(k));
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(itemsForVectorsSql)) {
            ps.setString(1, Integer.toString(efSearch(maxLimit)));
            Array vectorArray = c.createArrayOf("vector", vectors);
            Array limitArray = c.createArrayOf("int4", limits);
            ps.setArray(2, vectorArray);
            ps.setArray(3, limitArray);
            try (ResultSet rs = secondResult(ps)) {
                while (rs.next()) {
                    int index = rs.getInt(1) - 1;
                    String id = rs.getString(2);
                    List<ScoredItem> list = results.get(index);
                    if (list.size() < k && (excludeIds.isEmpty() || !excludeIds.get(index).contains(id))) {
                        list.add(new ScoredItem(id, distance.score(rs.getDouble(3))));
                    }
                }
            }
            vectorArray.free();
            limitArray.free();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "top-k for " + queries.size() + " vectors");
        }
        return results;
    }

    @Override
    public Map<String, List<ScoredItem>> similarItems(Collection<String> itemIds, int k) {
        RetrievalArguments.checkK(k);
        Set<String> ids = new LinkedHashSet<>(itemIds);
        RetrievalArguments.checkBatch("itemIds", ids.size());
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, List<ScoredItem>> results = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(similarItemsSql)) {
            ps.setString(1, Integer.toString(efSearch(k + 1)));
            Array idArray = c.createArrayOf("varchar", ids.toArray(new String[0]));
            ps.setArray(2, idArray);
            ps.setInt(3, k + 1);
            try (ResultSet rs = secondResult(ps)) {
                while (rs.next()) {
                    List<ScoredItem> list = results.computeIfAbsent(rs.getString(1), x -> new ArrayList<>(k));
                    if (list.size() < k) {
                        list.add(new ScoredItem(rs.getString(2), itemDistance.score(rs.getDouble(3))));
                    }
                }
            }
            idArray.free();
            // A known item whose only neighbour is itself still gets an (empty) entry.
            fillKnownWithoutNeighbours(c, ids, results);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "similar items for " + ids.size() + " ids");
        }
        Map<String, List<ScoredItem>> ordered = new LinkedHashMap<>();
        for (String id : ids) {
            if (results.containsKey(id)) {
                ordered.put(id, results.get(id));
            }
        }
        return ordered;
    }

    private static void fillKnownWithoutNeighbours(Connection c, Set<String> ids,
            Map<String, List<ScoredItem>> results) throws SQLException {
        if (results.size() == ids.size()) {
            return;
        }
        List<String> missing = ids.stream().filter(id -> !results.containsKey(id)).toList();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM item_emb WHERE id = ANY(?::varchar[])")) {
            ps.setArray(1, c.createArrayOf("varchar", missing.toArray(new String[0])));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    results.put(rs.getString(1), new ArrayList<>());
                }
            }
        }
    }

    public Optional<float[]> userEmbedding(int id) {
        return embedding("SELECT embedding FROM user_emb WHERE id = ?", ps -> ps.setInt(1, id), "user " + id);
    }

    public Optional<float[]> itemEmbedding(String id) {
        return embedding("SELECT embedding FROM item_emb WHERE id = ?", ps -> ps.setString(1, id), "item " + id);
    }

    /**
     * In one query (an id array: no bound on how many, a batch's distinct browsed codes are at most its sessions ×
     * {@link #MAX_EXCLUDED}).
     */
    @Override
    public Map<String, float[]> itemEmbeddings(Collection<String> itemIds) {
        Set<String> ids = new LinkedHashSet<>(itemIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, float[]> found = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, embedding FROM item_emb WHERE id = ANY(?::varchar[])")) {
            Array idArray = c.createArrayOf("varchar", ids.toArray(new String[0]));
            ps.setArray(1, idArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new PGvector(rs.getString(2)).toArray());
                }
            }
            idArray.free();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "embeddings of " + ids.size() + " items");
        }
        return found;
    }

    /**
     * The model version the embeddings-loader made live ({@code embedding_live_version}, sql/schema.sql), or empty
     * when the database has no version bookkeeping (tables loaded by other means) or nothing is live yet.
     */
    public Optional<String> liveModelVersion() {
        try (Connection c = dataSource.getConnection()) {
            return liveModelVersion(c);
        } catch (SQLException e) {
            // The view dropped between the two statements of liveModelVersion(c).
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw SqlErrors.translate(e, "live model version");
        }
    }

    /**
     * The live version on this connection. Asking to_regclass first keeps a database without the view from logging
     * a server-side ERROR on every check.
     */
    private static Optional<String> liveModelVersion(Connection c) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass('embedding_live_version') IS NOT NULL");
             PreparedStatement ps = c.prepareStatement("SELECT model_version FROM embedding_live_version")) {
            exists.setQueryTimeout(5);
            ps.setQueryTimeout(5);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * The live item table and the model version it belongs to, read in one transaction: the table is locked
     * against the loader's swap (ACCESS SHARE, which the reader role's SELECT allows) before the version is read,
     * so the rows and the version always match. A swap waits for the copy (the loader retries its lock).
     *
     * @param maxRows a table with more rows is not copied: the snapshot only tells its size
     */
    public ItemSnapshot copyLiveItems(long maxRows) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                ItemSnapshot snapshot = copyLiveItems(c, maxRows);
                c.commit();
                return snapshot;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "copy of the live item table");
        } catch (IOException e) {
            throw new VectorDbUnavailableException("copy of the live item table failed: " + e.getMessage(), e);
        }
    }

    private ItemSnapshot copyLiveItems(Connection c, long maxRows) throws SQLException, IOException {
        // The lock comes before any query: a repeatable-read snapshot starts at the first query, after the lock.
        try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE item_emb IN ACCESS SHARE MODE");
        }
        String version = liveModelVersion(c).orElse(null);
        long rows;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM item_emb")) {
            rs.next();
            rows = rs.getLong(1);
        }
        if (rows > maxRows) {
            return ItemSnapshot.sizeOnly(version, dimension, rows);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        try (InputStream copy = new PGCopyInputStream(pg,
                "COPY item_emb (id, embedding) TO STDOUT (FORMAT binary)")) {
            ItemCopyReader.Rows read = ItemCopyReader.read(copy, dimension, rows);
            return ItemSnapshot.of(version, dimension, read.ids(), read.vectors());
        }
    }

    /** Fails with {@link VectorDbUnavailableException} unless the database answers {@code SELECT 1} in time. */
    public void liveCheck() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1")) {
            ps.setQueryTimeout(5);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        } catch (SQLException e) {
            throw new VectorDbUnavailableException("vector database live check failed (SQLState " + e.getSQLState()
                    + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource h) {
            h.close();
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<float[]> embedding(String sql, Binder binder, String what) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PGvector(rs.getString(1)).toArray());
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "embedding of " + what);
        }
    }

    private int efSearch(int maxFetch) {
        return Math.min(MAX_EF_SEARCH, Math.max(minEfSearch, 2 * maxFetch));
    }

    /** The multi-statement's first result is set_config's row; the second is the answer. */
    private static ResultSet secondResult(PreparedStatement ps) throws SQLException {
        ps.execute();
        if (!ps.getMoreResults()) {
            throw new SQLException("expected a second result set", "XX000");
        }
        return ps.getResultSet();
    }
}
