package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingsLoaderServiceIT {

    private static final int DIM = 8;

    @TempDir
    Path tmp;

    private TestDatabase db;
    private EmbeddingsLoaderService service;

    @BeforeEach
    void createDatabase() throws SQLException {
        db = new TestDatabase();
        service = new EmbeddingsLoaderService(new DatabaseConnector(db.config()),
                LoadSettings.defaults(16, 64).withIndexBuild(64, 0), ProgressListener.NONE);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        db.close();
    }

    private EmbeddingsSource version(String version, String prefix, int userBase) throws Exception {
        return source(TestArtifacts.write(tmp.resolve(version), version, prefix, userBase, 200, 50, DIM,
                version.hashCode()));
    }

    private EmbeddingsSource source(Path artifacts) {
        return TestArtifacts.source(artifacts, tmp.resolve("cache"));
    }

    private String live() throws SQLException {
        return String.join(",", db.strings("SELECT model_version FROM embedding_live_version"));
    }

    private List<String> statuses() throws SQLException {
        return db.strings("SELECT model_version || ':' || status FROM embedding_versions ORDER BY table_id");
    }

    private List<String> itemIdPrefixes() throws SQLException {
        return db.strings("SELECT DISTINCT split_part(id, '-', 1) FROM item_emb");
    }

    @Test
    void loadsKeepsThePreviousVersionAndPrunesOlderOnes() throws Exception {
        LoadOutcome v1 = service.load(version("v1", "A", 1000), false);
        assertThat(v1.status()).isEqualTo(LoadOutcome.Status.LOADED);
        assertThat(v1.itemRows()).isEqualTo(200);
        assertThat(v1.userRows()).isEqualTo(50);
        assertThat(live()).isEqualTo("v1");
        assertThat(db.strings("SELECT count(*) FROM item_emb")).containsExactly("200");
        assertThat(db.strings("SELECT count(*) FROM user_emb")).containsExactly("50");
        assertThat(db.strings("SELECT indexdef FROM pg_indexes WHERE tablename = 'item_emb' AND indexdef LIKE '%hnsw%'"))
                .singleElement().asString().contains("vector_ip_ops").contains("m='16'").contains("ef_construction='64'");

        service.load(version("v2", "B", 2000), false);
        assertThat(live()).isEqualTo("v2");
        assertThat(itemIdPrefixes()).containsExactly("B");
        assertThat(statuses()).containsExactly("v1:previous", "v2:live");
        assertThat(db.tables()).contains("item_emb_v1", "user_emb_v1");

        service.load(version("v3", "C", 3000), false);
        assertThat(statuses()).containsExactly("v1:retired", "v2:previous", "v3:live");
        assertThat(db.tables()).doesNotContain("item_emb_v1", "user_emb_v1").contains("item_emb_v2", "user_emb_v2");
        assertThat(db.strings("SELECT count(*) FROM embedding_versions WHERE status = 'live'")).containsExactly("1");
        assertThat(db.strings("SELECT activated_at IS NOT NULL AND loaded_at IS NOT NULL FROM embedding_live_version"))
                .containsExactly("t");
    }

    @Test
    void rollsBackAtomicallyAndLoadsAgainAfterwards() throws Exception {
        service.load(version("v1", "A", 1000), false);
        service.load(version("v2", "B", 2000), false);

        LoadOutcome rolledBack = service.rollback();
        assertThat(rolledBack.status()).isEqualTo(LoadOutcome.Status.ROLLED_BACK);
        assertThat(rolledBack.modelVersion()).isEqualTo("v1");
        assertThat(rolledBack.itemRows()).isEqualTo(200);
        assertThat(live()).isEqualTo("v1");
        assertThat(itemIdPrefixes()).containsExactly("A");
        assertThat(db.strings("SELECT min(id) FROM user_emb")).containsExactly("1000");
        assertThat(statuses()).containsExactly("v1:live", "v2:previous");

        // A routine re-run with v2's artifacts must not undo the rollback.
        LoadOutcome rerun = service.load(version("v2", "B", 2000), false);
        assertThat(rerun.status()).isEqualTo(LoadOutcome.Status.UNCHANGED);
        assertThat(rerun.message()).contains("rolled back");
        assertThat(live()).isEqualTo("v1");

        service.load(version("v3", "C", 3000), false);
        assertThat(statuses()).containsExactly("v1:previous", "v2:retired", "v3:live");
        assertThat(itemIdPrefixes()).containsExactly("C");
    }

    @Test
    void rollbackWithoutAPreviousVersionIsAStateConflict() throws Exception {
        assertThatThrownBy(() -> service.rollback()).isInstanceOf(LoaderStateException.class)
                .hasMessageContaining("no live embedding version");
        service.load(version("v1", "A", 1000), false);
        assertThatThrownBy(() -> service.rollback()).isInstanceOf(LoaderStateException.class)
                .hasMessageContaining("no previous embedding version");
        assertThat(live()).isEqualTo("v1");
    }

    @Test
    void reRunningTheLiveVersionIsANoOpAndForceReloadsIt() throws Exception {
        EmbeddingsSource v1 = version("v1", "A", 1000);
        service.load(v1, false);
        List<String> before = db.strings("SELECT table_id, status FROM embedding_versions ORDER BY table_id");

        LoadOutcome again = service.load(v1, false);
        assertThat(again.status()).isEqualTo(LoadOutcome.Status.UNCHANGED);
        assertThat(again.message()).contains("already live").contains("--force");
        assertThat(again.itemRows()).isEqualTo(200);
        assertThat(db.strings("SELECT table_id, status FROM embedding_versions ORDER BY table_id")).isEqualTo(before);

        LoadOutcome forced = service.load(v1, true);
        assertThat(forced.status()).isEqualTo(LoadOutcome.Status.LOADED);
        assertThat(statuses()).containsExactly("v1:retired", "v1:live");
        assertThat(db.tables()).noneMatch(t -> t.matches("(item|user)_emb_v\\d+"));
        assertThat(db.strings("SELECT count(*) FROM item_emb")).containsExactly("200");
    }

    @Test
    void invalidInputLeavesTheDatabaseExactlyAsItWas() throws Exception {
        service.load(version("v1", "A", 1000), false);
        List<String> tablesBefore = db.tables();
        List<String> versionsBefore = db.strings("SELECT * FROM embedding_versions ORDER BY table_id");
        List<String> itemsBefore = db.strings("SELECT id, embedding::text FROM item_emb ORDER BY id");
        List<String> sequenceBefore = db.strings("SELECT last_value FROM embedding_table_id_seq");

        // Items are valid (and get COPYed first); the user file breaks only at its end.
        Path v2 = TestArtifacts.write(tmp.resolve("v2"), "v2", "B", 2000, 200, 50, DIM, 2);
        Files.writeString(v2.resolve("embeddings/user_embeddings.csv"), "2000,\"[1,2]\"\nxyz,\"" + "[1,1,1,1,1,1,1,NaN]"
                + "\"\n", StandardOpenOption.APPEND);
        TestArtifacts.seal(v2, "v2", DIM);
        assertThatThrownBy(() -> service.load(source(v2), false))
                .isInstanceOf(InvalidEmbeddingsException.class)
                .hasMessageContaining("4 problems")
                .hasMessageContaining("user_embeddings.csv:52: duplicate id 2000 (first on line 2)")
                .hasMessageContaining("user_embeddings.csv:52: vector has 2 values, expected embedding_dim 8")
                .hasMessageContaining("user_embeddings.csv:53: user id is not an integer: 'xyz'")
                .hasMessageContaining("user_embeddings.csv:53: value 8 is not finite: 'NaN'");

        // A bad first file: the second is still read, so the report is complete.
        Path v3 = TestArtifacts.write(tmp.resolve("v3"), "v3", "C", 3000, 200, 50, DIM, 3);
        Files.writeString(v3.resolve("embeddings/item_embeddings.csv"), ",\"[1,1,1,1,1,1,1,1]\"\n",
                StandardOpenOption.APPEND);
        Files.writeString(v3.resolve("embeddings/user_embeddings.csv"), "abc,\"[1,1,1,1,1,1,1,1]\"\n",
                StandardOpenOption.APPEND);
        TestArtifacts.seal(v3, "v3", DIM);
        assertThatThrownBy(() -> service.load(source(v3), false))
                .isInstanceOf(InvalidEmbeddingsException.class)
                .hasMessageContaining("item_embeddings.csv:202: empty id")
                .hasMessageContaining("user_embeddings.csv:52: user id is not an integer: 'abc'");

        assertThat(db.tables()).isEqualTo(tablesBefore);
        assertThat(db.strings("SELECT * FROM embedding_versions ORDER BY table_id")).isEqualTo(versionsBefore);
        assertThat(db.strings("SELECT id, embedding::text FROM item_emb ORDER BY id")).isEqualTo(itemsBefore);
        assertThat(db.strings("SELECT last_value FROM embedding_table_id_seq")).hasSize(sequenceBefore.size());
    }

    @Test
    void aSecondLoaderIsLockedOut() throws Exception {
        try (Connection other = db.connect();
             PreparedStatement ps = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, LoaderLock.KEY);
            ps.execute();
            assertThatThrownBy(() -> service.load(version("v1", "A", 1000), false))
                    .isInstanceOf(LoaderStateException.class).hasMessageContaining("another embeddings loader");
        }
        assertThat(service.load(version("v1", "A", 1000), false).status()).isEqualTo(LoadOutcome.Status.LOADED);
    }

    @Test
    void readersAlwaysGetOneCompleteVersionDuringASwap() throws Exception {
        int readers = 3;
        int k = 10;
        service.load(version("v1", "A", 1000), false);
        EmbeddingsSource v2 = source(TestArtifacts.write(tmp.resolve("v2"), "v2", "B", 2000, 20_000, 50, DIM, 2));
        CountDownLatch allReading = new CountDownLatch(readers);
        CountDownLatch swapped = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            long seed = r;
            Thread t = new Thread(() -> read(seed, k, allReading, swapped, stop, failures, seen), "reader-" + r);
            threads.add(t);
            t.start();
        }
        try {
            assertThat(allReading.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(service.load(v2, false).status()).isEqualTo(LoadOutcome.Status.LOADED);
        } finally {
            swapped.countDown();
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(60));
            }
            stop.set(true);
        }
        assertThat(failures).isEmpty();
        Set<String> versions = new TreeSet<>(seen);
        assertThat(versions).containsExactly("A", "B");
    }

    /**
     * Top-k queries until the swap is done and then 50 more (bounded by a query count), each checked: exactly k
     * rows, all from one version; after the swap, only from the new one.
     */
    private void read(long seed, int k, CountDownLatch started, CountDownLatch swapped, AtomicBoolean stop,
            ConcurrentLinkedQueue<String> failures, ConcurrentLinkedQueue<String> seen) {
        Random random = new Random(seed);
        int afterSwap = 0;
        try (Connection conn = db.connect();
             PreparedStatement ps = conn.prepareStatement(
                     "SELECT id FROM item_emb ORDER BY embedding <#> ?::vector LIMIT " + k)) {
            for (int q = 0; q < 1_000_000 && afterSwap < 50 && !stop.get(); q++) {
                boolean swapDone = swapped.getCount() == 0;
                ps.setString(1, TestArtifacts.vector(random, DIM));
                Set<String> prefixes = new TreeSet<>();
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        prefixes.add(rs.getString(1).split("-")[0]);
                    }
                }
                if (rows != k || prefixes.size() != 1 || (swapDone && !prefixes.equals(Set.of("B")))) {
                    failures.add("query " + q + ": " + rows + " rows from " + prefixes + (swapDone ? " after swap" : ""));
                }
                seen.addAll(prefixes);
                if (q == 0) {
                    started.countDown();
                }
                if (swapDone) {
                    afterSwap++;
                }
            }
        } catch (SQLException | RuntimeException e) {
            failures.add(e.toString());
            started.countDown();
        }
    }
}
