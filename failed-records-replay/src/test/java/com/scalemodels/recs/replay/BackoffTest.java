package com.scalemodels.recs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration CAP = Duration.ofSeconds(10);

    @Test
    void waitsGrowExponentiallyWithinTheUpperHalfOfTheCeilingAndStopAtTheCap() {
        SplittableRandom random = new SplittableRandom(7);
        for (int attempt = 1; attempt <= 40; attempt++) {
            long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(attempt - 1, 30));
            for (int i = 0; i < 200; i++) {
                long wait = Backoff.jitteredDelay(BASE, CAP, attempt, random).toMillis();
                assertThat(wait).as("attempt %d", attempt).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void theJitterSpreadsWaitsAndIsReproducibleWithASeed() {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        SplittableRandom a = new SplittableRandom(42);
        SplittableRandom b = new SplittableRandom(42);
        for (int i = 0; i < 50; i++) {
            first.add(Backoff.jitteredDelay(BASE, CAP, 5, a).toMillis());
            second.add(Backoff.jitteredDelay(BASE, CAP, 5, b).toMillis());
        }

        assertThat(first).isEqualTo(second);
        assertThat(first.stream().distinct().count()).isGreaterThan(20);
    }

    @Test
    void theBackoffSleepsThroughItsSleeper() throws InterruptedException {
        List<Duration> slept = new ArrayList<>();
        Backoff backoff = Backoff.exponentialJitter(BASE, CAP, new SplittableRandom(1), slept::add);

        backoff.pause(1);
        backoff.pause(20);

        assertThat(slept).hasSize(2);
        assertThat(slept.get(0).toMillis()).isBetween(50L, 100L);
        assertThat(slept.get(1).toMillis()).isBetween(5_000L, 10_000L);
    }
}
