package com.scalemodels.recs.vectordb.internal;

import com.pgvector.PGvector;
import com.scalemodels.recs.vectordb.RotatingLogin;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import com.scalemodels.recs.vectordb.VectorDbUnavailableException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Builds the HikariCP pool for the vector database. Per physical connection: pgvector types registered,
 * {@code statement_timeout} set in the startup packet (no extra round trip), server-prepared statements from the
 * first execution. The pool starts empty and never fails at construction: a database that is down at init
 * surfaces as {@link VectorDbUnavailableException} from the first query or {@code liveCheck()}.
 *
 * <p>The login is not HikariCP's: each new physical connection takes it from a {@link RotatingLogin}, which re-reads
 * a rotated secret and retries the connect once when the server rejects the login. Changing HikariCP's credentials
 * ({@code HikariConfigMXBean.setCredentials}) would also reach only new connections, but the pool would first
 * see the failure and keep the caller waiting its whole connection timeout; replacing the pool would abort
 * connections other threads are using ({@code close()} aborts active ones) and drop healthy sessions, which a
 * password change does not end. Here the caller that met the rotation gets its connection from the retry.
 */
public final class VectorDbPool {

    private VectorDbPool() {
    }

    public static HikariDataSource create(VectorDbConfig config, RotatingLogin login) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(config.jdbcUrl());
        int connectSeconds = (int) Math.max(1, (config.connectTimeout().toMillis() + 999) / 1000);
        pg.setConnectTimeout(connectSeconds);
        pg.setLoginTimeout(connectSeconds);
        // A dead peer must not hang a Lambda past its timeout: the socket gives up a bit after the server would.
        pg.setSocketTimeout((int) (config.statementTimeout().toSeconds() + 5));
        pg.setOptions("-c statement_timeout=" + config.statementTimeout().toMillis());
        pg.setPrepareThreshold(1);
        pg.setTcpKeepAlive(true);
        pg.setApplicationName("recs-vectordb");

        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("vectordb");
        hikari.setDataSource(new RegisteringDataSource(pg, login));
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(0);
        hikari.setConnectionTimeout(Math.max(250, config.connectTimeout().toMillis()));
        hikari.setValidationTimeout(Math.max(250, Math.min(config.connectTimeout().toMillis(), 5000)));
        hikari.setInitializationFailTimeout(-1);
        hikari.setAutoCommit(true);
        return new HikariDataSource(hikari);
    }

    /**
     * HikariCP has no per-connection callback besides {@code connectionInitSql}, which cannot call Java:
     * registering pgvector types as each physical connection is opened is done by the data source it pools. It
     * also logs in with the rotating login.
     */
    static final class RegisteringDataSource implements DataSource {
        private final PGSimpleDataSource delegate;
        private final RotatingLogin login;

        RegisteringDataSource(PGSimpleDataSource delegate, RotatingLogin login) {
            this.delegate = delegate;
            this.login = login;
        }

        private static Connection registered(Connection c) throws SQLException {
            try {
                PGvector.registerTypes((Connection) c.unwrap(PGConnection.class));
                return c;
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            try {
                return registered(login.connect(l -> delegate.getConnection(l.user(), l.password())));
            } catch (VectorDbUnavailableException e) {
                // Secrets Manager unreachable while re-reading the login: a connection failure to the pool.
                throw new SQLException(e.getMessage(), "08001", e);
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return registered(delegate.getConnection(username, password));
        }

        @Override
        public PrintWriter getLogWriter() {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return delegate.isWrapperFor(iface);
        }
    }
}
