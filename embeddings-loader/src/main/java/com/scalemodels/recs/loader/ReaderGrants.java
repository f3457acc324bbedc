package com.scalemodels.recs.loader;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.scalemodels.recs.config.ConfigException;
import com.scalemodels.recs.vectordb.VectorDbConfig.Credentials;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the reader role (the inference function's login) able to SELECT exactly the live item_emb / user_emb and
 * the embedding_live_version view. The loader owns every table, so it grants as it goes, with no
 * {@code ALTER DEFAULT PRIVILEGES} step for a DBA: a version's tables get SELECT inside the swap transaction that
 * makes them live, and the pair the swap retires loses it in the same transaction. A reader therefore never sees
 * a staged or previous version, and sees the new one the moment the swap commits.
 *
 * <p>{@link #ensure} runs at the start of every run (after the schema): creates the role if it is missing and its
 * password is managed here, sets that password from the reader secret (sent as a SCRAM verifier computed by the
 * driver, so the server's statement log never holds the password), and re-grants CONNECT, schema USAGE, the view
 * and the live pair, so a database loaded before the role existed is fixed by the next run.
 *
 * <p>GRANT takes no bind parameters: role names are restricted by {@link ReaderRole}, table names come from the
 * integer table id, and the database and schema names from the server, all double-quoted.
 */
final class ReaderGrants {

    static final ReaderGrants NONE = new ReaderGrants(null, c -> {
        throw new IllegalStateException("no reader role");
    });

    private static final Logger LOG = LoggerFactory.getLogger(ReaderGrants.class);
    private static final String DUPLICATE_OBJECT = "42710";

    private final ReaderRole role;
    private final Function<Credentials, Credentials.Static> secrets;

    /** @param secrets resolves the reader's secret (read on every {@link #ensure}: the secret may have changed) */
    ReaderGrants(ReaderRole role, Function<Credentials, Credentials.Static> secrets) {
        this.role = role;
        this.secrets = secrets;
    }

    static ReaderGrants of(Optional<ReaderRole> role, DatabaseConnector database) {
        return role.map(r -> new ReaderGrants(r, database::resolve)).orElse(NONE);
    }

    /** Role, login and the grants of the live state. Call while holding the loader lock, in autocommit mode. */
    void ensure(Connection conn) throws SQLException {
        if (role == null) {
            return;
        }
        if (role.name().equals(single(conn, "SELECT current_user"))) {
            throw new ConfigException("VECTOR_DB_READER_ROLE must not be the loader's own login (" + role.name()
                    + "): the reader gets SELECT only");
        }
        if (role.secretId() != null) {
            Credentials.Static login = secrets.apply(new Credentials.SecretsManager(role.secretId()));
            if (!login.user().equals(role.name())) {
                throw new ConfigException("VECTOR_DB_READER_SECRET_ID: the secret's username is " + login.user()
                        + ", VECTOR_DB_READER_ROLE is " + role.name());
            }
            boolean created = createIfMissing(conn);
            // null: the server's password_encryption decides the verifier (scram-sha-256 on RDS).
            conn.unwrap(PGConnection.class).alterUserPassword(role.name(), login.password().toCharArray(), null);
            LOG.info("reader role login set from its secret", kv("event", "reader_role_login_set"),
                    kv("reader_role", role.name()), kv("secret_id", role.secretId()), kv("created", created));
        }
        try (Statement st = conn.createStatement()) {
            st.execute("GRANT CONNECT ON DATABASE " + quote(single(conn, "SELECT current_database()")) + " TO "
                    + role.quoted());
            st.execute("GRANT USAGE ON SCHEMA " + quote(single(conn, "SELECT current_schema()")) + " TO "
                    + role.quoted());
            st.execute("GRANT SELECT ON TABLE embedding_live_version TO " + role.quoted());
            if (exists(conn, "item_emb") && exists(conn, "user_emb")) {
                st.execute("GRANT SELECT ON TABLE item_emb, user_emb TO " + role.quoted());
            }
        }
    }

    /**
     * Grants SELECT on the pair about to go live: the staged {@code tableId}, or for a rollback (null) the
     * previous version. Run inside the swap's transaction.
     */
    void beforeSwap(Connection conn, Integer tableId) throws SQLException {
        if (role == null) {
            return;
        }
        OptionalInt id = tableId != null ? OptionalInt.of(tableId) : previousTableId(conn);
        if (id.isPresent()) {
            grantOrRevoke(conn, "GRANT SELECT ON TABLE %s, %s TO ", id.getAsInt());
        }
    }

    /** Revokes SELECT on the pair the swap just retired to previous. Run inside the swap's transaction. */
    void afterSwap(Connection conn) throws SQLException {
        if (role == null) {
            return;
        }
        OptionalInt id = previousTableId(conn);
        if (id.isPresent()) {
            grantOrRevoke(conn, "REVOKE SELECT ON TABLE %s, %s FROM ", id.getAsInt());
        }
    }

    private void grantOrRevoke(Connection conn, String statement, int tableId) throws SQLException {
        String items = "item_emb_v" + tableId;
        String users = "user_emb_v" + tableId;
        if (!exists(conn, items) || !exists(conn, users)) {
            return;
        }
        try (Statement st = conn.createStatement()) {
            st.execute(String.format(statement, quote(items), quote(users)) + role.quoted());
        }
    }

    private boolean createIfMissing(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (Statement st = conn.createStatement()) {
            // Roles are cluster-wide: a loader of another database on the same server may create it first.
            st.execute("CREATE ROLE " + role.quoted() + " LOGIN NOINHERIT");
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_OBJECT.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static OptionalInt previousTableId(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_id FROM embedding_versions WHERE status = 'previous'")) {
            return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
        }
    }

    private static boolean exists(Connection conn, String table) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String single(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
