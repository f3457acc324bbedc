package com.scalemodels.recs.vectordb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.vectordb.VectorDbConfig.Credentials;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The refetch policy, with a stand-in server that accepts one password and a secret the test changes. */
class RotatingLoginTest {

    private static final Credentials SECRET = new Credentials.SecretsManager("rds!db-1");

    private final AtomicReference<String> secretValue = new AtomicReference<>("p1");
    private final AtomicReference<String> serverPassword = new AtomicReference<>("p1");
    private final AtomicLong clock = new AtomicLong();
    private final List<String> reads = new ArrayList<>();

    private RotatingLogin login(Credentials source) {
        return new RotatingLogin(source, c -> {
            reads.add(secretValue.get());
            return c instanceof Credentials.Static s ? s : new Credentials.Static("reader", secretValue.get());
        }, clock::get, Duration.ofSeconds(30));
    }

    private String open(Credentials.Static login) throws SQLException {
        if (!login.password().equals(serverPassword.get())) {
            throw new SQLException("FATAL: password authentication failed for user \"reader\"", "28P01");
        }
        return "connection as " + login.password();
    }

    @Test
    void aRotationIsOneReadAndOneRetry() throws SQLException {
        RotatingLogin login = login(SECRET);
        assertThat(login.connect(this::open)).isEqualTo("connection as p1");

        serverPassword.set("p2");
        secretValue.set("p2");

        assertThat(login.connect(this::open)).isEqualTo("connection as p2");
        assertThat(login.connect(this::open)).isEqualTo("connection as p2");
        assertThat(reads).containsExactly("p1", "p2");
        assertThat(login.refetches()).isEqualTo(1);
    }

    @Test
    void eachEpisodeReadsOnceAndANewEpisodeStartsAfterASuccess() throws SQLException {
        RotatingLogin login = login(SECRET);
        serverPassword.set("p2");
        secretValue.set("wrong");

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login.connect(this::open)).isInstanceOf(SQLException.class)
                    .hasFieldOrPropertyWithValue("SQLState", "28P01");
        }
        assertThat(login.refetches()).isEqualTo(1);

        clock.addAndGet(Duration.ofSeconds(30).toNanos());
        secretValue.set("p2");
        assertThat(login.connect(this::open)).isEqualTo("connection as p2");
        assertThat(login.refetches()).isEqualTo(2);

        // a second rotation right after: a new episode, so it may read at once
        serverPassword.set("p3");
        secretValue.set("p3");
        assertThat(login.connect(this::open)).isEqualTo("connection as p3");
        assertThat(login.refetches()).isEqualTo(3);
    }

    @Test
    void aSecretThatStillHoldsTheRejectedLoginIsNotRetried() {
        RotatingLogin login = login(SECRET);
        serverPassword.set("p2");
        List<String> attempts = new ArrayList<>();

        assertThatThrownBy(() -> login.connect(l -> {
            attempts.add(l.password());
            return open(l);
        })).isInstanceOf(SQLException.class);
        assertThat(attempts).containsExactly("p1");
        assertThat(reads).containsExactly("p1", "p1");
    }

    @Test
    void staticCredentialsAndOtherFailuresAreNeverReRead() {
        RotatingLogin fixed = login(new Credentials.Static("recs", "p0"));
        assertThatThrownBy(() -> fixed.connect(this::open)).isInstanceOf(SQLException.class);

        RotatingLogin login = login(SECRET);
        assertThatThrownBy(() -> login.connect(l -> {
            throw new SQLException("Connection refused", "08001");
        })).hasFieldOrPropertyWithValue("SQLState", "08001");
        assertThat(login.refetches()).isZero();
        assertThat(reads).hasSize(2); // the two initial resolutions
    }
}
