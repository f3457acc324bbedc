package com.scalemodels.recs.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import com.scalemodels.recs.testing.JdbcSettings;
import com.scalemodels.recs.testing.LocalDatabases;
import com.scalemodels.recs.testing.VectorCopy;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Random;
import org.postgresql.PGConnection;

/**
 * Test fixture, also used by other modules through this module's test-jar: the committed sample model (samples/ml-artifacts) with its embeddings loaded into a throwaway schema of the
 * local PostgreSQL. No HNSW index: pgvector then scans exactly, so answers can be compared with brute force.
 */
public final class SampleCatalog implements AutoCloseable {

    public static final Path REPO = repoRoot();
    public static final Path ARTIFACTS = REPO.resolve("samples/ml-artifacts");
    static final Path CSV = REPO.resolve("samples/classicmodels/csv");

    private final JdbcSettings pg = LocalDatabases.postgres();

    // Maven runs tests in the module folder, bench.sh in the repo root.
    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples/ml-artifacts"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no samples/ml-artifacts above " + Path.of("").toAbsolutePath());
    }
    private final String schema;

    public SampleCatalog(String name) throws SQLException, IOException {
        this.schema = name + "_" + ProcessHandle.current().pid();
        try (Connection conn = pg.connect(); Statement st = conn.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS vector");
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
            st.execute("CREATE TABLE " + schema + ".item_emb (id varchar PRIMARY KEY, embedding vector(32))");
            st.execute("CREATE TABLE " + schema + ".user_emb (id integer PRIMARY KEY, embedding vector(32))");
            copy(conn, "item_emb", ARTIFACTS.resolve("embeddings/item_embeddings.csv"));
            copy(conn, "user_emb", ARTIFACTS.resolve("embeddings/user_embeddings.csv"));
        }
        serveVersion(modelVersion());
    }

    /** The sample manifest's model_version. */
    public static String modelVersion() throws IOException {
        return new ObjectMapper().readTree(ARTIFACTS.resolve("manifest.json").toFile()).get("model_version").asText();
    }

    /**
     * Makes the schema's live-version view (the embeddings-loader's bookkeeping, reduced to what inference reads)
     * claim {@code version}, as if the loader had swapped it in.
     */
    public void serveVersion(String version) throws SQLException {
        try (Connection conn = pg.connect();
             PreparedStatement ps = conn.prepareStatement("SELECT quote_literal(?)")) {
            ps.setString(1, version);
            String literal;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                literal = rs.getString(1);
            }
            try (Statement st = conn.createStatement()) {
                // A view definition cannot take a bind parameter; the literal was quoted by the server.
                st.execute("CREATE OR REPLACE VIEW " + schema + ".embedding_live_version AS SELECT " + literal
                        + "::text AS model_version");
            }
        }
    }

    private void copy(Connection conn, String table, Path csv) throws SQLException, IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            conn.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + schema + "." + table + " (id, embedding) FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
        }
    }

    public String schema() {
        return schema;
    }

    /** HNSW indexes as the loader builds them, for benchmarks (tests compare with brute force, so they go without). */
    public void indexHnsw() throws SQLException {
        try (Connection conn = pg.connect(); Statement st = conn.createStatement()) {
            st.execute("CREATE INDEX ON " + schema + ".item_emb USING hnsw (embedding vector_ip_ops)");
            st.execute("CREATE INDEX ON " + schema + ".user_emb USING hnsw (embedding vector_ip_ops)");
            st.execute("ANALYZE " + schema + ".item_emb");
        }
    }

    /** The vector DB as the inference function would reach it, with this schema first on the search path. */
    public VectorDbConfig vectorDb() {
        return vectorDb(pg.url());
    }

    public VectorDbConfig vectorDb(String jdbcUrl) {
        String sep = jdbcUrl.contains("?") ? "&" : "?";
        return VectorDbConfig.of(jdbcUrl + sep + "currentSchema=" + schema + ",public", pg.user(), pg.password());
    }

    public static InferenceConfig config(VectorDbConfig vectorDb, Path work) {
        return config(vectorDb, work, InferenceConfig.DEFAULT_IN_MEMORY_CATALOG_MB);
    }

    /** @param inMemoryCatalogMb {@code RECS_IN_MEMORY_CATALOG_MB}: 0 ranks with pgvector */
    public static InferenceConfig config(VectorDbConfig vectorDb, Path work, int inMemoryCatalogMb) {
        return new InferenceConfig(URI.create(ARTIFACTS.toUri().toString()), work.resolve("artifact-cache"),
                vectorDb, 10, Path.of(System.getProperty("DJL_CACHE_DIR", work.resolve("djl").toString())),
                inMemoryCatalogMb);
    }

    /**
     * Adds {@code count} random unit vectors (isotropic: the hard case for approximate indexes) under ids
     * {@code prefix + number}, by binary COPY, streamed.
     */
    public void addRandomUnitItems(int count, long seed, String prefix) throws SQLException {
        RandomUnitVectors vectors = new RandomUnitVectors(seed, 32);
        try (Connection conn = pg.connect()) {
            // Rows are asked for in order, once each: the generator's sequence is the ids' order.
            VectorCopy.copy(conn, schema + ".item_emb", count, 32,
                    i -> randomItemId(prefix, i).getBytes(StandardCharsets.UTF_8), i -> vectors.next());
            try (Statement st = conn.createStatement()) {
                st.execute("ANALYZE " + schema + ".item_emb");
            }
        }
    }

    /** The id {@link #addRandomUnitItems} gives its {@code i}-th item. */
    public static String randomItemId(String prefix, int i) {
        return String.format(Locale.ROOT, "%s%07d", prefix, i);
    }

    /** The vectors {@link #addRandomUnitItems} stores, in order, for a seed: isotropic unit vectors. */
    public static final class RandomUnitVectors {

        private final Random random;
        private final int dim;

        public RandomUnitVectors(long seed, int dim) {
            this.random = new Random(seed);
            this.dim = dim;
        }

        public float[] next() {
            float[] v = new float[dim];
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                v[d] = (float) random.nextGaussian();
                norm += (double) v[d] * v[d];
            }
            for (int d = 0; d < dim; d++) {
                v[d] = (float) (v[d] / Math.sqrt(norm));
            }
            return v;
        }
    }

    /** Renames every item to {@code id + suffix}: the table then looks like another model's catalog. */
    public void suffixItemIds(String suffix) throws SQLException {
        try (Connection conn = pg.connect();
             PreparedStatement ps = conn.prepareStatement("UPDATE " + schema + ".item_emb SET id = id || ?")) {
            ps.setString(1, suffix);
            ps.executeUpdate();
        }
    }

    /** Undoes {@link #suffixItemIds}. */
    public void removeItemIdSuffix(String suffix) throws SQLException {
        try (Connection conn = pg.connect();
             PreparedStatement ps = conn.prepareStatement("UPDATE " + schema
                     + ".item_emb SET id = left(id, -length(?)) WHERE right(id, length(?)) = ?")) {
            ps.setString(1, suffix);
            ps.setString(2, suffix);
            ps.setString(3, suffix);
            ps.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection conn = pg.connect(); Statement st = conn.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
