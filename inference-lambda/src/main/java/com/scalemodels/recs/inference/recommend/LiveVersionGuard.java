package com.scalemodels.recs.inference.recommend;

import com.scalemodels.recs.vectordb.ModelVersionMismatchException;
import com.scalemodels.recs.vectordb.VectorDbUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to answer while the vector database serves another model version than the loaded towers. The
 * embeddings-loader swaps versions atomically, but the function that embeds users with the old towers keeps
 * running until its deployment catches up; in that window every answer would rank old-model users against
 * new-model items. The live version is asked at most once per {@code recheck} while it matches, and on every call
 * while it does not, so serving resumes with the first request after the database and the towers agree again.
 * A database without version bookkeeping (tables loaded by hand) is served as it is.
 *
 * <p>When the database cannot be reached and the function answers without it (an in-memory copy of its own
 * version's catalog, {@link ItemCatalog}), the last confirmed match stands and the database is asked again after
 * another {@code recheck}: batches go on through a database failover with the version they had. Otherwise, or
 * when the last answer was a mismatch, the outage is the caller's ({@code VectorDbUnavailableException}).
 */
public final class LiveVersionGuard {

    /** How long a confirmed match is trusted: the longest time stale towers can serve after a swap. */
    public static final Duration DEFAULT_RECHECK = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(LiveVersionGuard.class);
    private static final long NEVER = Long.MIN_VALUE;

    private final String loadedVersion;
    private final Supplier<Optional<String>> liveVersion;
    private final long recheckNanos;
    private final LongSupplier nanoClock;
    private final BooleanSupplier answersWithoutDatabase;
    private volatile long confirmedAt = NEVER;
    private volatile boolean mismatchLogged;
    private volatile boolean unreachableLogged;

    /** A guard for a function that always needs the database to answer. */
    public LiveVersionGuard(String loadedVersion, Supplier<Optional<String>> liveVersion, Duration recheck,
            LongSupplier nanoClock) {
        this(loadedVersion, liveVersion, recheck, nanoClock, () -> false);
    }

    /** @param answersWithoutDatabase whether requests can be answered with the database out of reach, now */
    public LiveVersionGuard(String loadedVersion, Supplier<Optional<String>> liveVersion, Duration recheck,
            LongSupplier nanoClock, BooleanSupplier answersWithoutDatabase) {
        this.loadedVersion = Objects.requireNonNull(loadedVersion, "loadedVersion");
        this.liveVersion = Objects.requireNonNull(liveVersion, "liveVersion");
        this.recheckNanos = recheck.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.answersWithoutDatabase = Objects.requireNonNull(answersWithoutDatabase, "answersWithoutDatabase");
    }

    /** Throws {@link ModelVersionMismatchException} when the live version is known and differs. */
    public void check() {
        long now = nanoClock.getAsLong();
        long confirmed = confirmedAt;
        if (confirmed != NEVER && now - confirmed < recheckNanos) {
            return;
        }
        Optional<String> live;
        try {
            live = liveVersion.get();
        } catch (VectorDbUnavailableException e) {
            if (confirmed == NEVER || !answersWithoutDatabase.getAsBoolean()) {
                throw e;
            }
            confirmedAt = now;
            if (!unreachableLogged) {
                unreachableLogged = true;
                LOG.atWarn().addKeyValue("event", "model_version_unverified")
                        .addKeyValue("model_version", loadedVersion)
                        .log("vector database unreachable: answering from the in-memory catalog of the last confirmed"
                                + " model version ({})", e.getMessage());
            }
            return;
        }
        if (unreachableLogged) {
            unreachableLogged = false;
            LOG.atInfo().addKeyValue("event", "model_version_verified").addKeyValue("model_version", loadedVersion)
                    .log("vector database reachable again");
        }
        if (live.isPresent() && !live.get().equals(loadedVersion)) {
            confirmedAt = NEVER;
            if (!mismatchLogged) {
                mismatchLogged = true;
                LOG.atWarn().addKeyValue("event", "model_version_mismatch")
                        .addKeyValue("model_version", loadedVersion)
                        .addKeyValue("live_model_version", live.get())
                        .log("vector database serves another model version: refusing to answer until they agree");
            }
            throw new ModelVersionMismatchException(loadedVersion, live.get());
        }
        if (mismatchLogged) {
            mismatchLogged = false;
            LOG.atInfo().addKeyValue("event", "model_version_match").addKeyValue("model_version", loadedVersion)
                    .log("vector database serves the loaded model version again");
        }
        confirmedAt = now;
    }
}
