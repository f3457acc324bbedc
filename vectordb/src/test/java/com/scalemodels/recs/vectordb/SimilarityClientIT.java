package com.scalemodels.recs.vectordb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.scalemodels.recs.model.Distance;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client against the local PostgreSQL+pgvector, checked against exact brute force (no index: exact scans). */
class SimilarityClientIT {

    private static final int DIM = 8;
    private static final Distance IP = Distance.INNER_PRODUCT;
    private static final int ITEMS = 110;
    private static VectorFixtures db;
    private static List<String> ids;
    private static float[][] vectors;
    private static float[][] users;

    @BeforeAll
    static void load() throws Exception {
        db = new VectorFixtures("similarity_it", DIM);
        ids = IntStream.range(0, ITEMS).mapToObj(VectorFixtures::itemId).toList();
        vectors = VectorFixtures.randomUnitVectors(ITEMS, DIM, 7);
        // Unequal norms, so inner product and cosine rank differently.
        for (int i = 0; i < ITEMS; i++) {
            for (int d = 0; d < DIM; d++) {
                vectors[i][d] *= 0.5f + (i % 7) * 0.25f;
            }
        }
        db.copyItems(ids, vectors);
        users = VectorFixtures.randomUnitVectors(3, DIM, 8);
        db.copyUsers(new int[] {103, 112, 2147483647}, users);
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private static VectorDbConfig config(int poolSize) {
        return new VectorDbConfig(db.url(), new VectorDbConfig.Credentials.Static(db.admin.user(), db.admin.password()),
                poolSize, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static SimilarityClient client(Distance distance) {
        return client(distance, distance);
    }

    private static SimilarityClient client(Distance distance, Distance itemDistance) {
        return SimilarityClient.create(config(2), distance, itemDistance, DIM, () -> {
            throw new AssertionError("static credentials need no Secrets Manager");
        });
    }

    private static Distance other(Distance distance) {
        return distance == Distance.COSINE ? Distance.INNER_PRODUCT : Distance.COSINE;
    }

    private static void assertSameRanking(List<ScoredItem> actual, List<ScoredItem> expected) {
        assertThat(actual).extracting(ScoredItem::id).containsExactlyElementsOf(
                expected.stream().map(ScoredItem::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-5));
        }
    }

    @ParameterizedTest
    @EnumSource(Distance.class)
    void batchedTopKEqualsBruteForceWithExclusions(Distance distance) {
        float[][] queries = VectorFixtures.randomUnitVectors(25, DIM, 99);
        List<float[]> queryList = List.of(queries);
        List<Set<String>> excludes = new ArrayList<>();
        for (int q = 0; q < queries.length; q++) {
            // exclude some of the true best and some random ids; query 0 excludes nothing
            Set<String> ex = new HashSet<>();
            List<ScoredItem> best = VectorFixtures.bruteForce(queries[q], ids, vectors, distance, q % 6, Set.of());
            best.forEach(s -> ex.add(s.id()));
            ex.add(ids.get((q * 37) % ITEMS));
            excludes.add(q == 0 ? Set.of() : ex);
        }

        // The item-to-item measure is the other one: top-k for a vector must not use it.
        try (SimilarityClient client = client(distance, other(distance))) {
            List<List<ScoredItem>> results = client.itemsForVectors(queryList, excludes, 10);

            assertThat(results).hasSize(queries.length);
            for (int q = 0; q < queries.length; q++) {
                assertSameRanking(results.get(q),
                        VectorFixtures.bruteForce(queries[q], ids, vectors, distance, 10, excludes.get(q)));
            }
            // no exclusion list at all
            assertSameRanking(client.itemsForVectors(List.of(queries[3]), List.of(), 100).get(0),
                    VectorFixtures.bruteForce(queries[3], ids, vectors, distance, 100, Set.of()));
        }
    }

    @ParameterizedTest
    @EnumSource(Distance.class)
    void similarItemsEqualBruteForceWithoutTheItemItself(Distance distance) {
        // The user-to-item measure is the other one: similar items must rank by the item-to-item one.
        try (SimilarityClient client = client(other(distance), distance)) {
            Map<String, List<ScoredItem>> similar = client.similarItems(
                    List.of(ids.get(5), "NOPE_1", ids.get(77), ids.get(5)), 7);

            assertThat(similar).containsOnlyKeys(ids.get(5), ids.get(77));
            assertThat(List.copyOf(similar.keySet())).containsExactly(ids.get(5), ids.get(77));
            for (int i : new int[] {5, 77}) {
                assertSameRanking(similar.get(ids.get(i)),
                        VectorFixtures.bruteForce(vectors[i], ids, vectors, distance, 7, Set.of(ids.get(i))));
            }
        }
    }

    /**
     * The loader builds the item table's HNSW index with the opclass of {@code item_distance}; the user-to-item
     * query then has no index of its own opclass and pgvector scans exactly. On a table this small (ef_search 150 ≥
     * 110 items) the index scan visits every item, so both answers must still equal brute force.
     */
    @ParameterizedTest
    @EnumSource(Distance.class)
    void answersStayExactWhenTheItemTableHasAnHnswIndexOfEitherOpclass(Distance indexed) throws Exception {
        try (VectorFixtures indexedDb = new VectorFixtures("similarity_indexed", DIM)) {
            indexedDb.copyItems(ids, vectors);
            indexedDb.createHnswIndex(indexed);
            VectorDbConfig config = new VectorDbConfig(indexedDb.url(),
                    new VectorDbConfig.Credentials.Static(indexedDb.admin.user(), indexedDb.admin.password()), 1,
                    Duration.ofSeconds(2), Duration.ofSeconds(5));
            float[][] queries = VectorFixtures.randomUnitVectors(5, DIM, 123);
            try (SimilarityClient client = SimilarityClient.create(config, Distance.INNER_PRODUCT, Distance.COSINE,
                    DIM, () -> null)) {
                List<List<ScoredItem>> results = client.itemsForVectors(List.of(queries), List.of(), 10);
                for (int q = 0; q < queries.length; q++) {
                    assertSameRanking(results.get(q),
                            VectorFixtures.bruteForce(queries[q], ids, vectors, Distance.INNER_PRODUCT, 10, Set.of()));
                }
                Map<String, List<ScoredItem>> similar = client.similarItems(List.of(ids.get(5), ids.get(77)), 7);
                for (int i : new int[] {5, 77}) {
                    assertSameRanking(similar.get(ids.get(i)),
                            VectorFixtures.bruteForce(vectors[i], ids, vectors, Distance.COSINE, 7, Set.of(ids.get(i))));
                }
            }
        }
    }

    @Test
    void embeddingLookupsReturnTheStoredFloatsExactly() {
        try (SimilarityClient client = client(Distance.INNER_PRODUCT)) {
            assertThat(client.userEmbedding(112)).hasValueSatisfying(v -> assertThat(v).containsExactly(users[1]));
            assertThat(client.userEmbedding(2147483647)).isPresent();
            assertThat(client.userEmbedding(1)).isEmpty();
            assertThat(client.itemEmbedding(ids.get(42))).hasValueSatisfying(v -> assertThat(v).containsExactly(vectors[42]));
            assertThat(client.itemEmbedding("S99_0000")).isEmpty();
            Map<String, float[]> batch = client.itemEmbeddings(List.of(ids.get(3), "S99_0000", ids.get(42), ids.get(3)));
            assertThat(batch).containsOnlyKeys(ids.get(3), ids.get(42));
            assertThat(batch.get(ids.get(3))).containsExactly(vectors[3]);
            assertThat(batch.get(ids.get(42))).containsExactly(vectors[42]);
            assertThat(client.itemEmbeddings(List.of())).isEmpty();
            client.liveCheck();
        }
    }

    @Test
    void badRequestsAreArgumentErrorsNamingTheLimitNotOutages() {
        try (SimilarityClient client = client(Distance.INNER_PRODUCT)) {
            float[] ok = new float[DIM];
            assertThatThrownBy(() -> client.itemsForVectors(List.of(ok), List.of(), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k: out of range (limit 1..100)");
            assertThatThrownBy(() -> client.itemsForVectors(List.of(ok), List.of(), 101))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.similarItems(List.of("x"), 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.itemsForVectors(List.of(new float[DIM + 1]), List.of(), 5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 9");
            assertThatThrownBy(() -> client.itemsForVectors(List.of(ok, ok), List.of(Set.of()), 5))
                    .isInstanceOf(IllegalArgumentException.class);
            Set<String> tooMany = new HashSet<>();
            IntStream.range(0, 201).forEach(i -> tooMany.add("X" + i));
            assertThatThrownBy(() -> client.itemsForVectors(List.of(ok), List.of(tooMany), 5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(limit 200)");
        }
        // The server's own dimension check is no outage either: a request no retry mends.
        try (SimilarityClient wrongDim = SimilarityClient.create(config(1), IP, IP, DIM + 1,
                () -> null)) {
            assertThatThrownBy(() -> wrongDim.itemsForVectors(List.of(new float[DIM + 1]), List.of(), 5))
                    .isInstanceOf(IllegalStateException.class).isNotInstanceOf(VectorDbUnavailableException.class);
        }
    }

    @Test
    void efSearchIsRaisedForTheQueryOnlyAndDoesNotLeakIntoThePool() throws Exception {
        try (SimilarityClient client = SimilarityClient.create(config(1), IP, IP, DIM,
                () -> null)) {
            client.itemsForVectors(List.of(vectors[0]), List.of(Set.of(ids.get(1))), 100);

            // pool size 1: this is the same physical connection
            java.lang.reflect.Field f = SimilarityClient.class.getDeclaredField("dataSource");
            f.setAccessible(true);
            javax.sql.DataSource ds = (javax.sql.DataSource) f.get(client);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW hnsw.ef_search")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("40");
            }
        }
    }

    @Test
    void aClosedPortIsUnavailableNotABadQuery() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        VectorDbConfig closed = new VectorDbConfig("jdbc:postgresql://127.0.0.1:" + port + "/recs",
                new VectorDbConfig.Credentials.Static("recs", "recs"), 1, Duration.ofMillis(500), Duration.ofSeconds(1));

        try (SimilarityClient client = SimilarityClient.create(closed, IP, IP, DIM,
                () -> null)) {
            assertThatThrownBy(client::liveCheck).isInstanceOf(VectorDbUnavailableException.class);
            assertThatThrownBy(() -> client.itemsForVectors(List.of(new float[DIM]), List.of(), 5))
                    .isInstanceOf(VectorDbUnavailableException.class);
            assertThatThrownBy(() -> client.userEmbedding(103)).isInstanceOf(VectorDbUnavailableException.class);
        }
    }

    @Test
    void aStatementTimeoutIsUnavailable() throws Exception {
        try (VectorFixtures slow = new VectorFixtures("similarity_slow", DIM)) {
            slow.execute("DROP TABLE " + slow.schema + ".user_emb");
            slow.execute("CREATE TABLE " + slow.schema + ".fast_user_emb (id integer PRIMARY KEY, embedding vector("
                    + DIM + "))");
            slow.execute("INSERT INTO " + slow.schema + ".fast_user_emb VALUES (1, '[1,2,3,4,5,6,7,8]')");
            // A view that takes 3 s per row: the client's 300 ms statement timeout must cancel it.
            slow.execute("CREATE VIEW " + slow.schema + ".user_emb AS SELECT id, embedding FROM " + slow.schema
                    + ".fast_user_emb WHERE pg_sleep(3)::text = ''");
            VectorDbConfig config = new VectorDbConfig(slow.url(),
                    new VectorDbConfig.Credentials.Static(slow.admin.user(), slow.admin.password()), 1,
                    Duration.ofSeconds(2), Duration.ofMillis(300));

            try (SimilarityClient client = SimilarityClient.create(config, IP, IP, DIM,
                    () -> null)) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> client.userEmbedding(1))
                        .isInstanceOf(VectorDbUnavailableException.class)
                        .hasMessageContaining("57014");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
                client.liveCheck();
            }
        }
    }

    @Test
    void readsTheLiveModelVersionAndToleratesADatabaseWithoutBookkeeping() throws Exception {
        try (Connection c = db.admin.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('public.embedding_live_version') IS NULL")) {
            rs.next();
            assumeTrue(rs.getBoolean(1), "public.embedding_live_version exists in this database and would be found");
        }
        try (SimilarityClient client = client(Distance.INNER_PRODUCT)) {
            assertThat(client.liveModelVersion()).isEmpty();
            db.execute("CREATE VIEW " + db.schema + ".embedding_live_version AS SELECT 'model-7'::text AS model_version");
            try {
                assertThat(client.liveModelVersion()).contains("model-7");
            } finally {
                db.execute("DROP VIEW " + db.schema + ".embedding_live_version");
            }
        }
    }
}
