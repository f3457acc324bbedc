package com.scalemodels.recs.loader;

import java.io.IOException;
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
 * <p>Validation and COPY run in one pass: the client parses and checks row n while the server stores row n-1, so
 * the two cores work in parallel. The socket writes run on a second client thread ({@link PipelinedCopyWriter}),
 * so a momentarily slow server does not stall parsing. The first problem cancels the COPY and the caller rolls the
 * transaction back, so no other session ever sees the staged tables and nothing persists; the remaining files are
 * still read, without COPY, to report every problem.
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
        if (!problems.isEmpty()) {
            return reader.read(artifacts.file(kind), kind, artifacts.embeddingDim(), problems, RowSink.NONE);
        }
        String sql = "COPY " + kind.versionTable(tableId) + " (id, embedding) FROM STDIN WITH (FORMAT binary, FREEZE)";
        CopyIn copy = conn.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            long rows;
            // The writer thread is stopped (closed) before the COPY is ended or cancelled on this thread.
            try (PipelinedCopyWriter writer = new PipelinedCopyWriter(copy::writeToCopy)) {
                BinaryCopyEncoder encoder = new BinaryCopyEncoder(kind, artifacts.embeddingDim(), writer);
                rows = reader.read(artifacts.file(kind), kind, artifacts.embeddingDim(), problems, encoder);
                if (problems.isEmpty()) {
                    encoder.finish();
                    writer.finish();
                }
            }
            if (problems.isEmpty()) {
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
            ps.setString(2, Integer.toString(settings.maxParallelMaintenanceWorkers()));
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
