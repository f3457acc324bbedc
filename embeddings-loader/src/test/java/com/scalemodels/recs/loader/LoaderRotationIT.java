package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.testing.FakeSecretsManager;
import com.scalemodels.recs.testing.LocalDatabases;
import com.scalemodels.recs.vectordb.VectorDbConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The loader's connection across a rotation of its own secret: a throwaway login role on the local PostgreSQL, its
 * password changed while the in-process Secrets Manager endpoint starts returning the new one.
 */
class LoaderRotationIT {

    private static final String SECRET = "rds!db-loader-it";

    private TestDatabase db;
    private FakeSecretsManager secrets;
    private String role;
    private DatabaseConnector connector;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase();
        role = "loader_login_it_" + ProcessHandle.current().pid();
        try (Connection conn = db.connect(); Statement st = conn.createStatement()) {
            st.execute("DROP ROLE IF EXISTS " + role);
            st.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'first-password'");
        }
        secrets = new FakeSecretsManager();
        secrets.putLogin(SECRET, role, "first-password");
        connector = new DatabaseConnector(new VectorDbConfig(db.settings().url(),
                new VectorDbConfig.Credentials.SecretsManager(SECRET), 1, VectorDbConfig.DEFAULT_CONNECT_TIMEOUT,
                VectorDbConfig.DEFAULT_STATEMENT_TIMEOUT), secrets::client);
    }

    @AfterEach
    void tearDown() throws Exception {
        secrets.close();
        db.close();
        try (Connection conn = LocalDatabases.postgres().connect(); Statement st = conn.createStatement()) {
            st.execute("DROP ROLE IF EXISTS " + role);
        }
    }

    private void rotate(String dbPassword, String secretPassword) throws SQLException {
        try (Connection conn = db.connect()) {
            conn.unwrap(PGConnection.class).alterUserPassword(role, dbPassword.toCharArray(), null);
        }
        secrets.putLogin(SECRET, role, secretPassword);
    }

    private String whoAmI() throws SQLException {
        try (Connection conn = connector.open(); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aRotatedSecretIsReadOnceAndTheConnectRetried() throws Exception {
        assertThat(whoAmI()).isEqualTo(role);

        rotate("second-password", "second-password");

        assertThat(whoAmI()).isEqualTo(role);
        assertThat(whoAmI()).isEqualTo(role);
        assertThat(secrets.reads(SECRET)).isEqualTo(2);
    }

    @Test
    void aSecretThatStaysWrongFailsAsUnreachableWithOneRead() throws Exception {
        assertThat(whoAmI()).isEqualTo(role);
        rotate("second-password", "still-wrong");

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(this::whoAmI).isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("password authentication failed").hasMessageNotContaining("still-wrong");
        }
        assertThat(secrets.reads(SECRET)).isEqualTo(2);
    }
}
