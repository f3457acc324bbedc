package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's item_distance: a second HNSW index on the item table, used by item-to-item queries. */
class ItemDistanceIndexIT {

    private static final int DIM = 8;

    @TempDir
    Path tmp;

    private TestDatabase db;
    private EmbeddingsLoaderService service;

    @BeforeEach
    void createDatabase() throws SQLException {
        db = new TestDatabase();
        service = new EmbeddingsLoaderService(new DatabaseConnector(db.config()),
                LoadSettings.defaults(8, 16).withIndexBuild(64, 0), ProgressListener.NONE);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        db.close();
    }

    private EmbeddingsSource version(String version, String itemDistance) throws Exception {
        Path dir = TestArtifacts.write(tmp.resolve(version), version, version.toUpperCase(), 1000, 300, 20, DIM,
                version.hashCode());
        return TestArtifacts.source(TestArtifacts.seal(dir, version, DIM, itemDistance), tmp.resolve("cache"));
    }

    private List<String> hnswIndexes(String table) throws SQLException {
        return db.strings("SELECT i.relname || ' ' || o.opcname FROM pg_index x"
                + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
                + " JOIN pg_am a ON a.oid = i.relam JOIN pg_opclass o ON o.oid = x.indclass[0]"
                + " WHERE t.relname = '" + table + "' AND a.amname = 'hnsw' ORDER BY o.opcname");
    }

    /** The plan of the similar-items query shape for a distance operator, with a bound query vector. */
    private String plan(String operator) throws SQLException {
        try (Connection conn = db.connect(); Statement st = conn.createStatement()) {
            // A 300-row table is cheaper to sort than to search: take the sequential scan off the table so the
            // plan shows whether an index can serve this operator at all.
            st.execute("SET enable_seqscan = off");
            try (PreparedStatement ps = conn.prepareStatement(
                    "EXPLAIN SELECT id FROM item_emb ORDER BY embedding " + operator + " ?::vector LIMIT 5")) {
                ps.setString(1, TestArtifacts.vector(new Random(7), DIM));
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                return String.join("\n", lines);
            }
        }
    }

    @Test
    void cosineItemDistanceGetsItsOwnIndexAndTheCosineQueryUsesIt() throws Exception {
        service.load(version("v1", "cosine"), false);

        assertThat(hnswIndexes("item_emb")).containsExactly("item_emb_v1_item_hnsw vector_cosine_ops",
                "item_emb_v1_hnsw vector_ip_ops");
        assertThat(hnswIndexes("user_emb")).containsExactly("user_emb_v1_hnsw vector_ip_ops");
        assertThat(db.strings("SELECT distance, item_distance FROM embedding_live_version"))
                .containsExactly("inner_product|cosine");
        assertThat(db.strings("SELECT item_distance FROM embedding_versions")).containsExactly("cosine");

        assertThat(plan("<=>")).contains("Index Scan using item_emb_v1_item_hnsw on item_emb");
        assertThat(plan("<#>")).contains("Index Scan using item_emb_v1_hnsw on item_emb");
    }

    @Test
    void theSameOrNoItemDistanceBuildsOneIndex() throws Exception {
        service.load(version("v1", null), false);
        assertThat(hnswIndexes("item_emb")).containsExactly("item_emb_v1_hnsw vector_ip_ops");
        assertThat(db.strings("SELECT item_distance FROM embedding_live_version")).containsExactly("inner_product");
        assertThat(plan("<=>")).doesNotContain("Index Scan");

        service.load(version("v2", "inner_product"), false);
        assertThat(hnswIndexes("item_emb")).containsExactly("item_emb_v2_hnsw vector_ip_ops");

        // The previous version keeps its second index for a rollback.
        service.load(version("v3", "cosine"), false);
        service.rollback();
        assertThat(hnswIndexes("item_emb")).containsExactly("item_emb_v2_hnsw vector_ip_ops");
        service.rollback();
        assertThat(hnswIndexes("item_emb")).containsExactly("item_emb_v3_item_hnsw vector_cosine_ops",
                "item_emb_v3_hnsw vector_ip_ops");
    }
}
