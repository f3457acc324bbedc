package com.scalemodels.recs.vectordb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.model.Distance;
import com.scalemodels.recs.testing.FakeSecretsManager;
import com.scalemodels.recs.vectordb.internal.VectorDbPool;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * A secret rotation in the middle of a run, for real: a throwaway login role on the local PostgreSQL, the pool's
 * SDK client pointed at an in-process Secrets Manager endpoint, {@code ALTER ROLE … PASSWORD} while the endpoint
 * starts returning the new password, and the pool's idle connections retired (what maxLifetime or a cold
 * connection does in production), so the next batch must log in again.
 */
class SecretRotationIT {

    private static final int DIM = 4;
    private static final int ITEMS = 30;
    private static final int K = 5;
    private static final String SECRET_ID = "rds!db-rotation-it";

    private VectorFixtures db;
    private FakeSecretsManager secrets;
    private String role;
    private final AtomicLong clock = new AtomicLong();
    private LogCapture log;

    @BeforeEach
    void setUp() throws Exception {
        db = new VectorFixtures("rotation_it", DIM);
        db.copyItems(IntStream.range(0, ITEMS).mapToObj(VectorFixtures::itemId).toList(),
                VectorFixtures.randomUnitVectors(ITEMS, DIM, 5));
        role = db.schema + "_login";
        db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'first-password'");
        db.execute("GRANT USAGE ON SCHEMA " + db.schema + " TO " + role);
        db.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + db.schema + " TO " + role);
        secrets = new FakeSecretsManager();
        secrets.putLogin(SECRET_ID, role, "first-password");
        log = new LogCapture(RotatingLogin.class);
    }

    @AfterEach
    void tearDown() throws Exception {
        log.close();
        secrets.close();
        try (Connection c = db.admin.connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role + "'");
        }
        db.execute("DROP OWNED BY " + role);
        db.execute("DROP ROLE " + role);
        db.close();
    }

    private void changePassword(String password) throws Exception {
        try (Connection c = db.admin.connect()) {
            c.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), null);
        }
    }

    private record Client(SimilarityClient similarity, HikariDataSource pool) implements AutoCloseable {
        @Override
        public void close() {
            similarity.close();
        }
    }

    private Client client() {
        VectorDbConfig config = new VectorDbConfig(db.url(), new VectorDbConfig.Credentials.SecretsManager(SECRET_ID),
                2, VectorDbConfig.DEFAULT_CONNECT_TIMEOUT, Duration.ofSeconds(5));
        RotatingLogin login = new RotatingLogin(config.credentials(), new DatabaseLogin(secrets::client)::resolve,
                clock::get, RotatingLogin.DEFAULT_REFETCH_INTERVAL);
        HikariDataSource pool = VectorDbPool.create(config, login);
        return new Client(new SimilarityClient(pool, Distance.INNER_PRODUCT, Distance.INNER_PRODUCT, DIM), pool);
    }

    /** One batch of 3 queries; the number of results it got back. */
    private static int batch(Client client, int seed) {
        List<List<ScoredItem>> results = client.similarity().itemsForVectors(
                List.of(VectorFixtures.randomUnitVectors(3, DIM, seed)), List.of(), K);
        return results.stream().mapToInt(List::size).sum();
    }

    @Test
    void batchesAfterARotationSucceedWithOneReadOfTheSecret() throws Exception {
        int answered = 0;
        try (Client client = client()) {
            for (int b = 0; b < 5; b++) {
                answered += batch(client, b);
            }
            changePassword("second-password");
            secrets.putLogin(SECRET_ID, role, "second-password");
            client.pool().getHikariPoolMXBean().softEvictConnections();

            for (int b = 5; b < 12; b++) {
                answered += batch(client, b);
                client.pool().getHikariPoolMXBean().softEvictConnections(); // every batch logs in anew
            }
        }

        assertThat(answered).as("every query of every batch answered").isEqualTo(12 * 3 * K);
        assertThat(secrets.reads(SECRET_ID)).as("the read at start and one after the rotation").isEqualTo(2);
        assertThat(log.events("db_secret_refetched")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("secret_id", SECRET_ID).containsEntry("db_user", role)
                    .containsEntry("sql_state", "28P01").containsEntry("login_changed", "true");
        });
        assertThat(log.everything()).doesNotContain("first-password").doesNotContain("second-password");
    }

    @Test
    void aSecretThatStaysWrongFailsClearlyWithBoundedReads() throws Exception {
        try (Client client = client()) {
            assertThat(batch(client, 1)).isEqualTo(3 * K);
            changePassword("rotated-password");
            secrets.putLogin(SECRET_ID, role, "not-the-password");
            client.pool().getHikariPoolMXBean().softEvictConnections();

            for (int b = 0; b < 2; b++) { // each waits the pool's whole connection timeout
                int seed = b;
                assertThatThrownBy(() -> batch(client, seed))
                        .isInstanceOf(VectorDbUnavailableException.class)
                        .hasMessageContaining("rejected the login").hasMessageContaining("28P01")
                        .hasMessageNotContaining("not-the-password");
            }
            assertThat(secrets.reads(SECRET_ID)).as("one read at start, one for the whole failure episode")
                    .isEqualTo(2);

            // Someone fixes the secret; after the refetch interval the next rejected login reads it again.
            secrets.putLogin(SECRET_ID, role, "rotated-password");
            clock.addAndGet(RotatingLogin.DEFAULT_REFETCH_INTERVAL.toNanos());
            assertThat(batch(client, 9)).isEqualTo(3 * K);
            assertThat(secrets.reads(SECRET_ID)).isEqualTo(3);
        }
        assertThat(log.events("db_secret_refetched")).hasSize(2);
        assertThat(log.everything()).doesNotContain("rotated-password").doesNotContain("not-the-password");
    }
}
