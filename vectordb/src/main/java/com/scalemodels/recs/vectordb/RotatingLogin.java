package com.scalemodels.recs.vectordb;

import com.scalemodels.recs.vectordb.VectorDbConfig.Credentials;
import com.scalemodels.recs.vectordb.internal.SqlErrors;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database login of a long-lived process, kept valid across secret rotations. The login is resolved once at
 * construction; when the server rejects it (SQLState 28P01 invalid password, 28000 invalid authorization), the
 * secret is read again and the connection attempt retried once with what it now holds.
 *
 * <p>A failure episode is the run of rejected logins between two accepted ones. Each episode reads the secret at
 * most once; a login that is still rejected after that fails as it came, without another read, until either a
 * login is accepted again or {@link #DEFAULT_REFETCH_INTERVAL} has passed since the read (a secret fixed by hand
 * during a long episode is then picked up too). So a wrong password costs one Secrets Manager call per interval,
 * never one per connection attempt. Concurrent rejections of the same login share one read.
 *
 * <p>Static credentials (local runs) are never re-read: their rejection fails at once. Log lines name the secret
 * id and the user, never a password.
 */
public final class RotatingLogin {

    /** Shortest time between two reads of the secret while logins keep being rejected. */
    public static final Duration DEFAULT_REFETCH_INTERVAL = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(RotatingLogin.class);

    /** One connection attempt with the given login. */
    @FunctionalInterface
    public interface Connector<C> {
        C open(Credentials.Static login) throws SQLException;
    }

    private final Credentials source;
    private final Function<Credentials, Credentials.Static> resolver;
    private final LongSupplier nanoClock;
    private final long refetchIntervalNanos;

    private volatile Credentials.Static current;
    private volatile boolean inEpisode;
    private long lastRefetchNanos;
    private boolean refetchedInEpisode;
    private int refetches;

    /**
     * Resolves the login now.
     *
     * @param resolver turns {@code source} into a user and password (e.g. {@link DatabaseLogin#resolve}); called
     *     again only after a rejection
     */
    public RotatingLogin(Credentials source, Function<Credentials, Credentials.Static> resolver) {
        this(source, resolver, System::nanoTime, DEFAULT_REFETCH_INTERVAL);
    }

    public RotatingLogin(Credentials source, Function<Credentials, Credentials.Static> resolver, LongSupplier nanoClock,
            Duration refetchInterval) {
        this.source = Objects.requireNonNull(source, "source");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.refetchIntervalNanos = refetchInterval.toNanos();
        this.current = Objects.requireNonNull(resolver.apply(source), "resolved login");
    }

    /** The login new connections use now. */
    public Credentials.Static current() {
        return current;
    }

    /** Times the secret was read again after a rejection (not counting the first read). */
    public synchronized int refetches() {
        return refetches;
    }

    /**
     * Opens a connection with the current login; if the server rejects it, re-reads the secret (at most once per
     * episode, see the class comment) and tries once more. The rejection is rethrown when no retry is possible.
     *
     * @throws VectorDbUnavailableException when the secret cannot be read again
     */
    public <C> C connect(Connector<C> connector) throws SQLException {
        Credentials.Static login = current;
        C connection;
        try {
            connection = connector.open(login);
        } catch (SQLException e) {
            if (!SqlErrors.isAuthenticationFailure(e)) {
                throw e;
            }
            Credentials.Static retry = afterRejection(login, e.getSQLState());
            if (retry == null) {
                throw e;
            }
            connection = connector.open(retry);
        }
        if (inEpisode) {
            endEpisode();
        }
        return connection;
    }

    private synchronized void endEpisode() {
        inEpisode = false;
        refetchedInEpisode = false;
    }

    /** The login to retry with, or null when retrying cannot help. */
    private synchronized Credentials.Static afterRejection(Credentials.Static rejected, String sqlState) {
        inEpisode = true;
        if (current != rejected) {
            return current; // another thread already read the secret after the same rejection
        }
        if (!(source instanceof Credentials.SecretsManager secret)) {
            return null;
        }
        long now = nanoClock.getAsLong();
        if (refetchedInEpisode && now - lastRefetchNanos < refetchIntervalNanos) {
            return null;
        }
        refetchedInEpisode = true;
        lastRefetchNanos = now;
        refetches++;
        Credentials.Static fresh = resolver.apply(source);
        boolean changed = !fresh.equals(rejected);
        LOG.atWarn()
                .addKeyValue("event", "db_secret_refetched")
                .addKeyValue("secret_id", secret.secretId())
                .addKeyValue("db_user", fresh.user())
                .addKeyValue("sql_state", sqlState)
                .addKeyValue("login_changed", changed)
                .log(changed ? "database rejected the login; re-read the secret and retrying with its new value"
                        : "database rejected the login; the secret still holds the rejected login");
        if (!changed) {
            return null;
        }
        current = fresh;
        return fresh;
    }
}
