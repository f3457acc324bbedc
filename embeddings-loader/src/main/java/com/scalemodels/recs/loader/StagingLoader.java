package com.scalemodels.recs.loader;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills a new version's tables, all inside the caller's transaction: create (embedding_stage), COPY … FORMAT BINARY
 * FREEZE while the CSV is validated, then keys, HNSW indexes and statistics (embedding_finish_staging).
 *
 * <p>Validation and COPY run in one pass: rows are sent as they are checked, and the server stores one chunk
 * while the next is parsed. The first problem cancels the COPY and the caller rolls the transaction back, so no
 * other session ever sees the staged tables and nothing persists; the remaining files are still read, without
 * COPY, to report every problem.
 */
final class StagingLoader {

    private final EmbeddingFileReader reader;

    StagingLoader(EmbeddingFileReader reader) {
        this.reader = reader;
    }

    int stage(Connection conn, EmbeddingsArtifacts artifacts) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT embedding_stage(?, ?, ?)")) {
            ps.setString(1, artifacts.modelVersion());
            ps.setInt(2, artifacts.embeddingDim());
            ps.setString(3, artifacts.distance().manifestName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Returns the data rows read; when {@code problems} is not empty afterwards the transaction must be rolled back. */
    long copy(Connection conn, int tableId, IdKind kind, EmbeddingsArtifacts artifacts, Problems problems)
            throws SQLException, IOException {
        Path file = artifacts.file(kind);
        int dim = artifacts.embeddingDim();
        if (!problems.isEmpty()) {
            return reader.read(file, kind, dim, problems, RowSink.NONE);
        }
        String sql = "COPY " + kind.versionTable(tableId) + " (id, embedding) FROM STDIN WITH (FORMAT binary, FREEZE)";
        CopyIn copy = conn.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            BinaryCopyWriter writer = new BinaryCopyWriter(kind, dim, copy::writeToCopy);
            long rows = reader.read(file, kind, dim, problems, writer);
            if (problems.isEmpty()) {
                writer.finish();
                copy.endCopy();
            }
            return rows;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    void finish(Connection conn, int tableId, LoadSettings settings) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT set_config('maintenance_work_mem', ?, true), set_config('max_parallel_maintenance_workers', ?, true)")) {
            ps.setString(1, settings.maintenanceWorkMemMb() + "MB");
            ps.setString(2, Integer.toString(settings.buildWorkers()));
            ps.execute();
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT embedding_finish_staging(?, ?, ?)")) {
            ps.setInt(1, tableId);
            ps.setInt(2, settings.hnswM());
            ps.setInt(3, settings.hnswEfConstruction());
            ps.execute();
        }
    }
}
