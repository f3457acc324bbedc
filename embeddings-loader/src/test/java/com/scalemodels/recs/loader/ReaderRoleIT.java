package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.scalemodels.recs.model.Distance;
import com.scalemodels.recs.testing.FakeSecretsManager;
import com.scalemodels.recs.testing.JdbcSettings;
import com.scalemodels.recs.testing.LocalDatabases;
import com.scalemodels.recs.vectordb.InMemoryItemIndex;
import com.scalemodels.recs.vectordb.ItemSnapshot;
import com.scalemodels.recs.vectordb.ScoredItem;
import com.scalemodels.recs.vectordb.SimilarityClient;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The reader role the loader manages, on the local PostgreSQL: created from its secret (served by an in-process
 * Secrets Manager endpoint), able to SELECT the live tables and the version view and nothing else, and reading a
 * new version the moment the swap commits, through the same client the inference function uses.
 */
class ReaderRoleIT {

    private static final int DIM = 8;
    private static final String READER_SECRET = "recs/vector-db-reader";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @TempDir
    Path tmp;

    private TestDatabase db;
    private FakeSecretsManager secrets;
    private String reader;
    private EmbeddingsLoaderService service;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase();
        secrets = new FakeSecretsManager();
        reader = "reader_it_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        secrets.putLogin(READER_SECRET, reader, "reader-password-1");
        service = new EmbeddingsLoaderService(new DatabaseConnector(db.config(), secrets::client),
                LoadSettings.defaults(16, 64).withIndexBuild(64, 0), QualityGateSettings.defaults(),
                ProgressListener.NONE, Optional.of(new ReaderRole(reader, READER_SECRET)));
        logs.start();
        ((Logger) LoggerFactory.getLogger(ReaderGrants.class)).addAppender(logs);
    }

    @AfterEach
    void tearDown() throws Exception {
        ((Logger) LoggerFactory.getLogger(ReaderGrants.class)).detachAppender(logs);
        secrets.close();
        db.close(); // drops the database, and with it every grant the role holds
        try (Connection conn = LocalDatabases.postgres().connect(); Statement st = conn.createStatement()) {
            st.execute("DROP ROLE IF EXISTS " + reader);
        }
    }

    private EmbeddingsSource version(String version, String prefix) throws Exception {
        return TestArtifacts.source(TestArtifacts.write(tmp.resolve(version), version, prefix, 1000, 200, 50, DIM,
                version.hashCode()), tmp.resolve("cache"));
    }

    private Connection asReader(String password) throws SQLException {
        return new JdbcSettings(db.settings().url(), reader, password).connect();
    }

    private static String single(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void assertRefused(Connection conn, String sql) {
        assertThatThrownBy(() -> {
            try (Statement st = conn.createStatement()) {
                st.execute(sql);
            }
        }).as(sql).isInstanceOf(SQLException.class).hasFieldOrPropertyWithValue("SQLState", "42501");
    }

    @Test
    void theReaderSelectsTheLiveTablesAndTheViewAndNothingElse() throws Exception {
        service.load(version("v1", "A"), false);
        service.load(version("v2", "B"), false);
        String previous = db.strings("SELECT table_id FROM embedding_versions WHERE status = 'previous'").get(0);

        try (Connection conn = asReader("reader-password-1")) {
            assertThat(single(conn, "SELECT count(*) FROM item_emb")).isEqualTo("200");
            assertThat(single(conn, "SELECT count(*) FROM user_emb")).isEqualTo("50");
            assertThat(single(conn, "SELECT model_version FROM embedding_live_version")).isEqualTo("v2");

            assertRefused(conn, "INSERT INTO item_emb (id, embedding) SELECT 'X-1', embedding FROM item_emb LIMIT 1");
            assertRefused(conn, "UPDATE user_emb SET id = id + 1");
            assertRefused(conn, "DELETE FROM item_emb");
            assertRefused(conn, "TRUNCATE item_emb");
            assertRefused(conn, "DROP TABLE item_emb");
            assertRefused(conn, "ALTER TABLE item_emb RENAME TO mine");
            assertRefused(conn, "CREATE TABLE mine (id integer)");
            assertRefused(conn, "CREATE INDEX mine ON item_emb (id)");
            assertRefused(conn, "SELECT * FROM embedding_versions");
            assertRefused(conn, "SELECT * FROM item_emb_v" + previous);
            assertRefused(conn, "SELECT nextval('embedding_table_id_seq')");
        }
    }

    @Test
    void afterASwapTheReaderReadsTheNewVersionAtOnce() throws Exception {
        service.load(version("v1", "A"), false);
        VectorDbConfig asReader = new VectorDbConfig(db.settings().url(),
                new VectorDbConfig.Credentials.SecretsManager(READER_SECRET), 2,
                VectorDbConfig.DEFAULT_CONNECT_TIMEOUT, Duration.ofSeconds(10));
        float[] query = new float[DIM];
        query[0] = 1;

        // The inference function's client, logged in as the reader, open across the swaps.
        try (SimilarityClient client = SimilarityClient.create(asReader, Distance.INNER_PRODUCT, Distance.INNER_PRODUCT, DIM,
                secrets::client)) {
            assertThat(client.liveModelVersion()).contains("v1");
            assertThat(topIds(client, query)).allMatch(id -> id.startsWith("A-"));
            assertCopiedAs(client, "v1", "A-");

            service.load(version("v2", "B"), false);
            assertThat(client.liveModelVersion()).contains("v2");
            assertThat(topIds(client, query)).isNotEmpty().allMatch(id -> id.startsWith("B-"));
            assertCopiedAs(client, "v2", "B-");
            assertThat(client.userEmbedding(1000)).isPresent();

            service.rollback();
            assertThat(client.liveModelVersion()).contains("v1");
            assertThat(topIds(client, query)).isNotEmpty().allMatch(id -> id.startsWith("A-"));
            assertThat(client.similarItems(List.of("A-1"), 3).get("A-1")).hasSize(3);
        }
    }

    /** The inference function's in-memory copy (table lock, version, binary COPY) needs no more than SELECT. */
    private static void assertCopiedAs(SimilarityClient client, String version, String idPrefix) {
        ItemSnapshot snapshot = client.copyLiveItems(Long.MAX_VALUE);
        assertThat(snapshot.modelVersion()).contains(version);
        assertThat(snapshot.rows()).isEqualTo(200);
        try (InMemoryItemIndex copy = InMemoryItemIndex.of(snapshot, Distance.INNER_PRODUCT, Distance.INNER_PRODUCT,
                1)) {
            assertThat(copy.sampleIds(200)).hasSize(200).allMatch(id -> id.startsWith(idPrefix));
        }
    }

    private static List<String> topIds(SimilarityClient client, float[] query) {
        return client.itemsForVectors(List.of(query), List.of(), 10).get(0).stream().map(ScoredItem::id).toList();
    }

    @Test
    void everyRunSetsTheReadersPasswordFromItsSecretAndNeverLogsIt() throws Exception {
        service.load(version("v1", "A"), false);
        try (Connection conn = asReader("reader-password-1")) {
            assertThat(single(conn, "SELECT count(*) FROM item_emb")).isEqualTo("200");
        }

        secrets.putLogin(READER_SECRET, reader, "reader-password-2");
        LoadOutcome again = service.load(version("v1", "A"), false);

        assertThat(again.status()).isEqualTo(LoadOutcome.Status.UNCHANGED);
        try (Connection conn = asReader("reader-password-2")) {
            assertThat(single(conn, "SELECT count(*) FROM item_emb")).isEqualTo("200");
        }
        assertThatThrownBy(() -> asReader("reader-password-1").close())
                .isInstanceOf(SQLException.class).hasFieldOrPropertyWithValue("SQLState", "28P01");
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).isNotEmpty();
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage() + " "
                + Arrays.toString(e.getArgumentArray())).contains(reader).doesNotContain("reader-password"));
    }

    @Test
    void aSecretNamingAnotherUserIsAConfigurationError() throws Exception {
        secrets.putLogin(READER_SECRET, "someone_else", "x");

        assertThatThrownBy(() -> service.load(version("v1", "A"), false))
                .hasMessageContaining("VECTOR_DB_READER_SECRET_ID").hasMessageContaining("someone_else");
        assertThat(db.strings("SELECT count(*) FROM pg_roles WHERE rolname = '" + reader + "'")).containsExactly("0");
    }
}
