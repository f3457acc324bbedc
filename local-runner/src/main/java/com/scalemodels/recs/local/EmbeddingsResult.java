package com.scalemodels.recs.local;

/** The vector database after the loader ran: live model version and row counts. */
public record EmbeddingsResult(String database, String status, String modelVersion, long items, long users,
        String message, double seconds) {
}
