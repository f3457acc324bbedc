package com.scalemodels.recs.local;

import com.scalemodels.recs.vectordb.VectorDbConfig;
import com.scalemodels.recs.loader.ArtifactStoreSource;
import com.scalemodels.recs.loader.DatabaseConnector;
import com.scalemodels.recs.loader.EmbeddingsLoaderService;
import com.scalemodels.recs.loader.LoadOutcome;
import com.scalemodels.recs.loader.LoadSettings;
import com.scalemodels.recs.loader.ProgressListener;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Step 3, RDS PostgreSQL + pgvector and the embeddings-loader Lambda: makes sure the database exists with the
 * vector extension, then runs the loader service in-process on the sample artifacts. The loader is idempotent: a
 * re-run with the same model version live is a no-op ({@code unchanged}) unless {@code force}.
 */
public final class EmbeddingsStep {

    private final LocalServices services;

    public EmbeddingsStep(LocalServices services) {
        this.services = services;
    }

    public EmbeddingsResult run(String database, Path artifacts, Path artifactCache, boolean force) throws SQLException {
        long started = System.nanoTime();
        ensureDatabase(database);
        String url = services.pgUrl(database);
        EmbeddingsLoaderService loader = new EmbeddingsLoaderService(
                new DatabaseConnector(VectorDbConfig.of(url, services.pgUser(), services.pgPassword())),
                LoadSettings.defaults(), ProgressListener.NONE);
        // The same verified artifact store as the Lambda (sha256 of every file), on a local folder.
        ArtifactStoreSource source = ArtifactStoreSource.forUri(artifacts.toAbsolutePath().toUri(), artifactCache,
                () -> {
                    throw new IllegalStateException("local runs read artifacts from a folder, not S3");
                });
        LoadOutcome outcome = loader.load(source, force);
        return new EmbeddingsResult(database, outcome.status().wireName(), outcome.modelVersion(),
                outcome.itemRows(), outcome.userRows(), outcome.message(), (System.nanoTime() - started) / 1e9);
    }

    /** Creates the database if missing (kept between runs, like the RDS instance) and the vector extension. */
    void ensureDatabase(String database) throws SQLException {
        LocalServices.checkDatabaseName(database);
        try (Connection server = DriverManager.getConnection(services.pgUrl(), services.pgUser(),
                services.pgPassword())) {
            boolean exists;
            try (PreparedStatement ps = server.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement st = server.createStatement()) {
                    st.execute("CREATE DATABASE \"" + database + "\"");
                }
            }
        }
        try (Connection db = DriverManager.getConnection(services.pgUrl(database), services.pgUser(),
                services.pgPassword());
                Statement st = db.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS vector");
        }
    }

    /** Drops the database (tests clean up after themselves). */
    public void dropDatabase(String database) throws SQLException {
        try (Connection server = DriverManager.getConnection(services.pgUrl(), services.pgUser(),
                services.pgPassword());
                Statement st = server.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS \"" + LocalServices.checkDatabaseName(database) + "\" WITH (FORCE)");
        }
    }
}
