package com.scalemodels.recs.inference.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.vectordb.ModelVersionMismatchException;
import com.scalemodels.recs.vectordb.VectorDbUnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The guard with a fake clock and a fake database: how often it asks, when it refuses, when it serves again. */
class LiveVersionGuardTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final AtomicReference<Optional<String>> live = new AtomicReference<>(Optional.of("v1"));
    private final AtomicInteger asked = new AtomicInteger();
    private final LiveVersionGuard guard = new LiveVersionGuard("v1", () -> {
        asked.incrementAndGet();
        return live.get();
    }, Duration.ofSeconds(5), clock::get);

    @Test
    void asksAtMostOncePerRecheckWhileTheVersionMatches() {
        guard.check();
        clock.addAndGet(Duration.ofMillis(4_999).toNanos());
        guard.check();
        assertThat(asked).hasValue(1);
        clock.addAndGet(Duration.ofMillis(1).toNanos());
        guard.check();
        assertThat(asked).hasValue(2);
    }

    @Test
    void refusesOnEveryCallWhileTheVersionDiffersAndServesAsSoonAsItMatches() {
        guard.check();
        live.set(Optional.of("v2"));
        clock.addAndGet(Duration.ofSeconds(5).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(guard::check).isInstanceOfSatisfying(ModelVersionMismatchException.class, e -> {
                assertThat(e.loaded()).isEqualTo("v1");
                assertThat(e.live()).isEqualTo("v2");
            });
        }
        assertThat(asked).hasValue(4);
        live.set(Optional.of("v1"));
        guard.check();
        guard.check();
        assertThat(asked).hasValue(5);
    }

    @Test
    void anUnreachableDatabaseAfterAMatchIsServedWhenTheFunctionAnswersWithoutIt() {
        AtomicBoolean reachable = new AtomicBoolean(true);
        AtomicBoolean inMemory = new AtomicBoolean(true);
        LiveVersionGuard offline = new LiveVersionGuard("v1", () -> {
            asked.incrementAndGet();
            if (!reachable.get()) {
                throw new VectorDbUnavailableException("connection refused", null);
            }
            return live.get();
        }, Duration.ofSeconds(5), clock::get, inMemory::get);
        offline.check();
        reachable.set(false);
        clock.addAndGet(Duration.ofSeconds(5).toNanos());
        offline.check();
        assertThat(asked).hasValue(2);
        clock.addAndGet(Duration.ofSeconds(4).toNanos());
        offline.check();
        assertThat(asked).as("asked again only after another recheck").hasValue(2);

        inMemory.set(false); // fell back to pgvector: the outage is the caller's
        clock.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThatThrownBy(offline::check).isInstanceOf(VectorDbUnavailableException.class);
    }

    @Test
    void anUnreachableDatabaseBeforeAnyMatchOrAfterAMismatchIsAnOutage() {
        AtomicBoolean reachable = new AtomicBoolean(false);
        LiveVersionGuard offline = new LiveVersionGuard("v1", () -> {
            if (!reachable.get()) {
                throw new VectorDbUnavailableException("connection refused", null);
            }
            return live.get();
        }, Duration.ofSeconds(5), clock::get, () -> true);
        assertThatThrownBy(offline::check).isInstanceOf(VectorDbUnavailableException.class);
        reachable.set(true);
        live.set(Optional.of("v2"));
        assertThatThrownBy(offline::check).isInstanceOf(ModelVersionMismatchException.class);
        reachable.set(false);
        assertThatThrownBy(offline::check).isInstanceOf(VectorDbUnavailableException.class)
                .isNotInstanceOf(ModelVersionMismatchException.class);
    }

    @Test
    void servesADatabaseWithoutVersionBookkeeping() {
        live.set(Optional.empty());
        guard.check();
        clock.addAndGet(Duration.ofSeconds(6).toNanos());
        guard.check();
        assertThat(asked).hasValue(2);
    }
}
